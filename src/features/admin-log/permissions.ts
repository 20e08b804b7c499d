import type { Role } from '../../platform/access/roles.ts';

export const ADMIN_LOG_READ = 'admin_log.read';

/** Who changed users, grants, teams and settings: the territory's manager answers for it, the admin made it. */
export const adminLogPermissions: Record<string, readonly Role[]> = {
  [ADMIN_LOG_READ]: ['service_manager', 'admin'],
};
