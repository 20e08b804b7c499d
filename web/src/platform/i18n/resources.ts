import commonEn from './en.json';
import commonIt from './it.json';
import accessesEn from '../../features/accesses/en.json';
import adminLogEn from '../../features/admin-log/en.json';
import adminLogIt from '../../features/admin-log/it.json';
import accessesIt from '../../features/accesses/it.json';
import assessmentsEn from '../../features/assessments/en.json';
import assessmentsIt from '../../features/assessments/it.json';
import appointmentsEn from '../../features/appointments/en.json';
import appointmentsIt from '../../features/appointments/it.json';
import caseDiaryEn from '../../features/case-diary/en.json';
import caseDiaryIt from '../../features/case-diary/it.json';
import caseDocumentsEn from '../../features/case-documents/en.json';
import caseDocumentsIt from '../../features/case-documents/it.json';
import caseLettersEn from '../../features/case-letters/en.json';
import caseLettersIt from '../../features/case-letters/it.json';
import carePlansEn from '../../features/care-plans/en.json';
import carePlansIt from '../../features/care-plans/it.json';
import interventionsEn from '../../features/interventions/en.json';
import interventionsIt from '../../features/interventions/it.json';
import caseSettingsEn from '../../features/case-settings/en.json';
import caseSettingsIt from '../../features/case-settings/it.json';
import auditEn from '../../features/audit/en.json';
import auditIt from '../../features/audit/it.json';
import householdsEn from '../../features/households/en.json';
import householdsIt from '../../features/households/it.json';
import casesEn from '../../features/cases/en.json';
import casesIt from '../../features/cases/it.json';
import catalogueEn from '../../features/catalogue/en.json';
import catalogueIt from '../../features/catalogue/it.json';
import registryEn from '../../features/registry/en.json';
import registryIt from '../../features/registry/it.json';
import reportingEn from '../../features/reporting/en.json';
import reportingIt from '../../features/reporting/it.json';
import territoriesEn from '../../features/territories/en.json';
import territoriesIt from '../../features/territories/it.json';
import usersEn from '../../features/users/en.json';
import usersIt from '../../features/users/it.json';
import proceduresEn from '../../features/procedures/en.json';
import proceduresIt from '../../features/procedures/it.json';
import referralsEn from '../../features/referrals/en.json';
import referralsIt from '../../features/referrals/it.json';
import contributionsEn from '../../features/contributions/en.json';
import contributionsIt from '../../features/contributions/it.json';
import worklistEn from '../../features/worklist/en.json';
import worklistIt from '../../features/worklist/it.json';

/** Each feature owns one i18next namespace; they are merged here at startup. Italian is the reference. */
export const resources = {
  it: {
    common: commonIt,
    territories: territoriesIt,
    users: usersIt,
    registry: registryIt,
    households: householdsIt,
    audit: auditIt,
    adminLog: adminLogIt,
    reporting: reportingIt,
    accesses: accessesIt,
    catalogue: catalogueIt,
    appointments: appointmentsIt,
    caseSettings: caseSettingsIt,
    cases: casesIt,
    caseDiary: caseDiaryIt,
    procedures: proceduresIt,
    worklist: worklistIt,
    caseDocuments: caseDocumentsIt,
    caseLetters: caseLettersIt,
    assessments: assessmentsIt,
    carePlans: carePlansIt,
    referrals: referralsIt,
    interventions: interventionsIt,
    contributions: contributionsIt,
  },
  en: {
    common: commonEn,
    territories: territoriesEn,
    users: usersEn,
    registry: registryEn,
    households: householdsEn,
    audit: auditEn,
    adminLog: adminLogEn,
    reporting: reportingEn,
    accesses: accessesEn,
    catalogue: catalogueEn,
    appointments: appointmentsEn,
    caseSettings: caseSettingsEn,
    cases: casesEn,
    caseDiary: caseDiaryEn,
    procedures: proceduresEn,
    worklist: worklistEn,
    caseDocuments: caseDocumentsEn,
    caseLetters: caseLettersEn,
    assessments: assessmentsEn,
    carePlans: carePlansEn,
    referrals: referralsEn,
    interventions: interventionsEn,
    contributions: contributionsEn,
  },
} as const;

export type Namespace = keyof (typeof resources)['it'];
export const namespaces = Object.keys(resources.it) as Namespace[];
