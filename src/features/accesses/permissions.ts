import type { Role } from '../../platform/access/roles.ts';

export const ACCESS_READ = 'access.read';
export const ACCESS_WRITE = 'access.write';
export const INTAKE_READ = 'intake.read';
export const INTAKE_ASSIGN = 'intake.assign';
export const ACCESS_STATS = 'access.stats';

/**
 * PRODUCT.md §2: access records belong to the desk, the social workers and their manager of the
 * territory; the intake queue to the social service (the manager assigns); officials and the manager
 * see aggregate counts only, with small counts suppressed.
 */
export const accessesPermissions: Record<string, readonly Role[]> = {
  [ACCESS_READ]: ['front_desk', 'social_worker', 'service_manager'],
  [ACCESS_WRITE]: ['front_desk', 'social_worker', 'service_manager'],
  [INTAKE_READ]: ['social_worker', 'service_manager'],
  [INTAKE_ASSIGN]: ['service_manager'],
  [ACCESS_STATS]: ['official', 'service_manager'],
};
