import type { Role } from '../../platform/access/roles.ts';

export const HOUSEHOLD_READ = 'household.read';
export const HOUSEHOLD_WRITE = 'household.write';

/** The household is part of the registry the desk keeps: front desk, social workers and their manager. */
export const householdPermissions: Record<string, readonly Role[]> = {
  [HOUSEHOLD_READ]: ['front_desk', 'social_worker', 'service_manager'],
  [HOUSEHOLD_WRITE]: ['front_desk', 'social_worker', 'service_manager'],
};
