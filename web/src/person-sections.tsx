import type { PersonSection } from './features/registry/PersonPage.tsx';
import { AppointmentsSection } from './features/appointments/AppointmentsSection.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the person page, in the order they are shown. */
export const personSections: readonly PersonSection[] = [
  { key: 'appointments', permission: permissions.appointmentRead, render: (props) => <AppointmentsSection {...props} /> },
];
