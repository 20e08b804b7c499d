import type { Feature } from '../../platform/http/feature.ts';
import { userPermissions } from './permissions.ts';
import { usersRoutes } from './users.routes.ts';

export const usersFeature: Feature = { name: 'users', permissions: userPermissions, routes: usersRoutes };
