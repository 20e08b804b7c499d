import type { Role } from '../../platform/access/roles.ts';

export const TERRITORIES_MANAGE = 'territories.manage';

export const territoryPermissions: Record<string, readonly Role[]> = {
  [TERRITORIES_MANAGE]: ['admin'],
};
