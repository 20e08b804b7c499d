import type { Feature } from '../../platform/http/feature.ts';
import { carePlansRoutes } from './care-plans.routes.ts';

/** The personalised project (PAI) of a case: its permissions are the case's (case.read / case.write). */
export const carePlansFeature: Feature = { name: 'care-plans', routes: carePlansRoutes };
