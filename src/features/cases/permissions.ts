import type { Role } from '../../platform/access/roles.ts';

export const CASE_READ = 'case.read';
export const CASE_WRITE = 'case.write';
export const CASE_EXISTS = 'case.exists';
export const CASE_MANAGE = 'case.manage';

/**
 * PRODUCT.md §2: the case content belongs to its owner, its team and the territory's manager (the
 * per-case decision is `case-access.ts`); other social workers and the front desk learn only that a
 * case exists and whom to call. `case.manage` (the manager): transfers of any case of the territory
 * and the break-the-glass events. Provider, official, admin and citizen hold none of them.
 */
export const casesPermissions: Record<string, readonly Role[]> = {
  [CASE_READ]: ['social_worker', 'service_manager'],
  [CASE_WRITE]: ['social_worker', 'service_manager'],
  [CASE_EXISTS]: ['front_desk', 'social_worker', 'service_manager'],
  [CASE_MANAGE]: ['service_manager'],
};
