import type { Feature } from '../../platform/http/feature.ts';
import { adminLogRoutes } from './admin-log.routes.ts';
import { adminLogPermissions } from './permissions.ts';

export const adminLogFeature: Feature = { name: 'admin-log', permissions: adminLogPermissions, routes: adminLogRoutes };
