import type { Feature } from '../../platform/http/feature.ts';
import { casesRoutes } from './cases.routes.ts';
import { casesPermissions } from './permissions.ts';

export const casesFeature: Feature = { name: 'cases', permissions: casesPermissions, routes: casesRoutes };
