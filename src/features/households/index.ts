import type { Feature } from '../../platform/http/feature.ts';
import { householdRoutes } from './households.routes.ts';
import { householdPermissions } from './permissions.ts';

export const householdsFeature: Feature = { name: 'households', permissions: householdPermissions, routes: householdRoutes };
