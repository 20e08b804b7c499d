import type { Feature } from '../../platform/http/feature.ts';
import { interventionsRoutes } from './interventions.routes.ts';
import { interventionsPermissions } from './permissions.ts';

/** Interventions (the plan's supports in force) and their deliveries; the provider portal. */
export const interventionsFeature: Feature = { name: 'interventions', permissions: interventionsPermissions, routes: interventionsRoutes };
