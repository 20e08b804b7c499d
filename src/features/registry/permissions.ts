import type { Role } from '../../platform/access/roles.ts';

export const PERSON_READ = 'person.read';
export const PERSON_WRITE = 'person.write';
export const STATS_READ = 'stats.read';

/** PRODUCT.md §2: the registry is for the desk, social workers and their manager; officials see counts only. */
export const registryPermissions: Record<string, readonly Role[]> = {
  [PERSON_READ]: ['front_desk', 'social_worker', 'service_manager'],
  [PERSON_WRITE]: ['front_desk', 'social_worker', 'service_manager'],
  [STATS_READ]: ['official', 'service_manager'],
};
