import { CarePlanSection } from './features/care-plans/CarePlanSection.tsx';
import type { CaseSection } from './features/cases/CasePage.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [
  { key: 'care-plan', permission: permissions.caseRead, render: ({ detail }) => <CarePlanSection detail={detail} /> },
];
