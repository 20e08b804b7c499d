import type { Role } from '../../platform/access/roles.ts';

export const USERS_MANAGE = 'users.manage';

export const userPermissions: Record<string, readonly Role[]> = {
  [USERS_MANAGE]: ['admin'],
};
