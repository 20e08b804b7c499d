import type { Role } from '../../platform/access/roles.ts';

export const CATALOGUE_READ = 'catalogue.read';
export const CATALOGUE_MANAGE = 'catalogue.manage';

/**
 * The catalogue holds no personal data: everyone who works with persons reads it, providers read the
 * services they deliver, and the service manager keeps it (codes, arrangements, providers).
 */
export const cataloguePermissions: Record<string, readonly Role[]> = {
  [CATALOGUE_READ]: ['front_desk', 'social_worker', 'service_manager', 'clerk', 'provider', 'official'],
  [CATALOGUE_MANAGE]: ['service_manager'],
};
