import type { PersonSection } from './features/registry/PersonPage.tsx';
import { HouseholdSection } from './features/households/HouseholdSection.tsx';
import { PersonAccessesSection } from './features/accesses/PersonAccessesSection.tsx';
import { AppointmentsSection } from './features/appointments/AppointmentsSection.tsx';
import { PersonCasesSection } from './features/cases/PersonCasesSection.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the person page, in the order they are shown. */
export const personSections: readonly PersonSection[] = [
  { key: 'household', permission: permissions.householdRead, render: ({ personId, purpose }) => <HouseholdSection personId={personId} purpose={purpose} /> },
  { key: 'accesses', permission: permissions.accessRead, render: ({ personId, purpose }) => <PersonAccessesSection personId={personId} purpose={purpose} /> },
  { key: 'appointments', permission: permissions.appointmentRead, render: (props) => <AppointmentsSection {...props} /> },
  { key: 'cases', permission: permissions.caseExists, render: (props) => <PersonCasesSection {...props} /> },
];
