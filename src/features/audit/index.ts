import type { Feature } from '../../platform/http/feature.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditPermissions } from './permissions.ts';

export const auditFeature: Feature = { name: 'audit', permissions: auditPermissions, routes: auditRoutes };
