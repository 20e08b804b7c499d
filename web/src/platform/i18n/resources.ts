import commonEn from './en.json';
import commonIt from './it.json';
import appointmentsEn from '../../features/appointments/en.json';
import appointmentsIt from '../../features/appointments/it.json';
import auditEn from '../../features/audit/en.json';
import auditIt from '../../features/audit/it.json';
import registryEn from '../../features/registry/en.json';
import registryIt from '../../features/registry/it.json';
import reportingEn from '../../features/reporting/en.json';
import reportingIt from '../../features/reporting/it.json';
import territoriesEn from '../../features/territories/en.json';
import territoriesIt from '../../features/territories/it.json';
import usersEn from '../../features/users/en.json';
import usersIt from '../../features/users/it.json';

/** Each feature owns one i18next namespace; they are merged here at startup. Italian is the reference. */
export const resources = {
  it: {
    common: commonIt,
    territories: territoriesIt,
    users: usersIt,
    registry: registryIt,
    audit: auditIt,
    reporting: reportingIt,
    appointments: appointmentsIt,
  },
  en: {
    common: commonEn,
    territories: territoriesEn,
    users: usersEn,
    registry: registryEn,
    audit: auditEn,
    reporting: reportingEn,
    appointments: appointmentsEn,
  },
} as const;

export type Namespace = keyof (typeof resources)['it'];
export const namespaces = Object.keys(resources.it) as Namespace[];
