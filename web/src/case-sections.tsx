import type { CaseSection } from './features/cases/CasePage.tsx';
import { AssessmentSection } from './features/assessments/AssessmentSection.tsx';
import { MeetingsSection } from './features/assessments/MeetingsSection.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [
  { key: 'assessment', permission: permissions.caseRead, render: ({ detail }) => <AssessmentSection detail={detail} /> },
  { key: 'uvm', permission: permissions.caseRead, render: ({ detail }) => <MeetingsSection detail={detail} /> },
];
