import type { Role } from '../../platform/access/roles.ts';

export const CALLS_MANAGE = 'calls.manage';
export const CALLS_READ = 'calls.read';

/**
 * Calls hold no personal data. The service manager drafts, publishes and corrects the calls of the
 * municipalities their grants cover; the staff who will handle the applications read them. Anyone, with
 * no login, reads the published ones through /api/public/calls.
 */
export const callsPermissions: Record<string, readonly Role[]> = {
  [CALLS_MANAGE]: ['service_manager'],
  [CALLS_READ]: ['service_manager', 'clerk', 'front_desk', 'social_worker'],
};
