import type { Role } from '../../platform/access/roles.ts';

export const AUDIT_READ = 'audit.read';

/** The manager answers for its territory's data: it reads who accessed what. */
export const auditPermissions: Record<string, readonly Role[]> = {
  [AUDIT_READ]: ['service_manager'],
};
