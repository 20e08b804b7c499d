import type { Me } from '../../../../src/platform/auth/auth.schemas.ts';
import { can, permissions, type Permission } from '../auth/permissions.ts';

export type SectionKey =
  | 'registry'
  | 'newPerson'
  | 'users'
  | 'teams'
  | 'territories'
  | 'audit'
  | 'adminLog'
  | 'stats'
  | 'accesses'
  | 'newAccess'
  | 'intake'
  | 'accessStats'
  | 'catalogue'
  | 'serviceMap'
  | 'providers'
  | 'catalogueImport'
  | 'appointments'
  | 'bookAppointment'
  | 'rooms'
  | 'timeliness'
  | 'caseSettings'
  | 'letterTemplates'
  | 'cases'
  | 'breakGlass'
  | 'worklist'
  | 'providerPortal'
  | 'teamMeeting'
  | 'paymentLists'
  | 'contributionCeilings';

export type Section = { key: SectionKey; to: string; permission: Permission; inMenu: boolean };

/** The sections of the app and what unlocks each: the menu and the home cards both come from here. */
export const sections: readonly Section[] = [
  { key: 'registry', to: '/registry', permission: permissions.personRead, inMenu: true },
  { key: 'newPerson', to: '/registry/new', permission: permissions.personWrite, inMenu: false },
  { key: 'accesses', to: '/accesses', permission: permissions.accessRead, inMenu: true },
  { key: 'newAccess', to: '/accesses/new', permission: permissions.accessWrite, inMenu: false },
  { key: 'intake', to: '/intake', permission: permissions.intakeRead, inMenu: true },
  { key: 'cases', to: '/cases', permission: permissions.caseRead, inMenu: true },
  { key: 'worklist', to: '/worklist', permission: permissions.caseRead, inMenu: true },
  { key: 'breakGlass', to: '/cases/break-glass', permission: permissions.caseManage, inMenu: false },
  { key: 'accessStats', to: '/accesses/stats', permission: permissions.accessStats, inMenu: true },
  { key: 'users', to: '/admin/users', permission: permissions.usersManage, inMenu: true },
  { key: 'teams', to: '/admin/teams', permission: permissions.usersManage, inMenu: true },
  { key: 'territories', to: '/admin/territories', permission: permissions.territoriesManage, inMenu: true },
  { key: 'audit', to: '/audit', permission: permissions.auditRead, inMenu: true },
  { key: 'adminLog', to: '/admin-log', permission: permissions.adminLogRead, inMenu: true },
  { key: 'stats', to: '/stats', permission: permissions.statsRead, inMenu: true },
  { key: 'catalogue', to: '/catalogue', permission: permissions.catalogueRead, inMenu: true },
  { key: 'serviceMap', to: '/catalogue/map', permission: permissions.catalogueManage, inMenu: true },
  { key: 'providers', to: '/catalogue/providers', permission: permissions.catalogueManage, inMenu: false },
  { key: 'catalogueImport', to: '/catalogue/import', permission: permissions.catalogueManage, inMenu: false },
  { key: 'appointments', to: '/appointments', permission: permissions.appointmentRead, inMenu: true },
  { key: 'bookAppointment', to: '/appointments/new', permission: permissions.appointmentWrite, inMenu: false },
  { key: 'rooms', to: '/admin/rooms', permission: permissions.roomManage, inMenu: true },
  { key: 'timeliness', to: '/reports/timeliness', permission: permissions.timelinessRead, inMenu: true },
  { key: 'providerPortal', to: '/provider', permission: permissions.interventionDeliver, inMenu: true },
  { key: 'caseSettings', to: '/case-settings', permission: permissions.caseConfigure, inMenu: true },
  { key: 'letterTemplates', to: '/case-settings/letters', permission: permissions.caseConfigure, inMenu: false },
  { key: 'teamMeeting', to: '/contributions/meeting', permission: permissions.caseWrite, inMenu: true },
  { key: 'paymentLists', to: '/payment-lists', permission: permissions.paymentManage, inMenu: true },
  { key: 'contributionCeilings', to: '/contributions/ceilings', permission: permissions.contributionConfigure, inMenu: false },
];

export function sectionsFor(me: Me): Section[] {
  return sections.filter((section) => can(me, section.permission));
}
