import type { Feature } from '../../platform/http/feature.ts';
import { referralsRoutes } from './referrals.routes.ts';

/** Referrals to specialist services and petitions for a support administrator; permissions are the case's own (case.read / case.write). */
export const referralsFeature: Feature = { name: 'referrals', routes: referralsRoutes };
