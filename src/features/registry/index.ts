import type { Feature } from '../../platform/http/feature.ts';
import { registryPermissions } from './permissions.ts';
import { registryRoutes } from './registry.routes.ts';

export const registryFeature: Feature = { name: 'registry', permissions: registryPermissions, routes: registryRoutes };
