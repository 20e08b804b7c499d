import type { Role } from '../../platform/access/roles.ts';

export const APPOINTMENT_READ = 'appointment.read';
export const APPOINTMENT_WRITE = 'appointment.write';
export const SAFETY_WRITE = 'safety.write';
export const ROOM_MANAGE = 'room.manage';
export const TIMELINESS_READ = 'timeliness.read';

/**
 * The desk books interviews for social workers; social workers and their manager set the staff-safety
 * flag (only they read its reason); the manager keeps offices and rooms and reads the timeliness report.
 */
export const appointmentsPermissions: Record<string, readonly Role[]> = {
  [APPOINTMENT_READ]: ['front_desk', 'social_worker', 'service_manager'],
  [APPOINTMENT_WRITE]: ['front_desk', 'social_worker', 'service_manager'],
  [SAFETY_WRITE]: ['social_worker', 'service_manager'],
  [ROOM_MANAGE]: ['service_manager'],
  [TIMELINESS_READ]: ['service_manager'],
};

/** Roles whose users count as staff of a territory: possible colleagues on call. */
export const STAFF_ROLES: readonly Role[] = ['front_desk', 'social_worker', 'service_manager'];
