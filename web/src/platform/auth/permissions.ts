import type { Me } from '../../../../src/platform/auth/auth.schemas.ts';

/**
 * Permission names the server puts in `Me.permissions`. The web app only uses them to hide menus and
 * pages; the server enforces every one of them again.
 */
export const permissions = {
  personRead: 'person.read',
  personWrite: 'person.write',
  householdRead: 'household.read',
  householdWrite: 'household.write',
  usersManage: 'users.manage',
  territoriesManage: 'territories.manage',
  auditRead: 'audit.read',
  adminLogRead: 'admin_log.read',
  statsRead: 'stats.read',
  accessRead: 'access.read',
  accessWrite: 'access.write',
  intakeRead: 'intake.read',
  intakeAssign: 'intake.assign',
  accessStats: 'access.stats',
  catalogueRead: 'catalogue.read',
  catalogueManage: 'catalogue.manage',
  appointmentRead: 'appointment.read',
  appointmentWrite: 'appointment.write',
  safetyWrite: 'safety.write',
  roomManage: 'room.manage',
  timelinessRead: 'timeliness.read',
  caseSettingsRead: 'case.settings.read',
  caseConfigure: 'case.configure',
  caseRead: 'case.read',
  caseWrite: 'case.write',
  caseExists: 'case.exists',
  caseManage: 'case.manage',
  interventionRead: 'intervention.read',
  interventionDeliver: 'intervention.deliver',
  paymentManage: 'payment.manage',
  contributionConfigure: 'contribution.configure',
} as const;

export type Permission = (typeof permissions)[keyof typeof permissions];

export function can(me: Me | null | undefined, permission: Permission): boolean {
  if (!me) return false;
  if (me.permissions.includes(permission)) return true;
  // Territory configuration belongs to the system administrator, whatever the permission is named.
  if (permission === permissions.territoriesManage) {
    return me.permissions.includes(permissions.usersManage) || me.grants.some((g) => g.role === 'admin');
  }
  return false;
}
