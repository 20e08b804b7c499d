import type { Feature } from '../../platform/http/feature.ts';
import { callsRoutes } from './calls.routes.ts';
import { callsPermissions } from './permissions.ts';

/** Calls (bandi) for services of the catalogue: drafted, published and corrected in versions by the manager; published ones readable by anyone. */
export const callsFeature: Feature = {
  name: 'calls',
  permissions: callsPermissions,
  routes: callsRoutes,
};
