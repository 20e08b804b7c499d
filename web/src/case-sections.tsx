import { CarePlanSection } from './features/care-plans/CarePlanSection.tsx';
import type { CaseSection } from './features/cases/CasePage.tsx';
import { DiarySection } from './features/case-diary/DiarySection.tsx';
import { ProceduresSection } from './features/procedures/ProceduresSection.tsx';
import { DocumentsSection } from './features/case-documents/DocumentsSection.tsx';
import { LettersSection } from './features/case-letters/LettersSection.tsx';
import { AssessmentSection } from './features/assessments/AssessmentSection.tsx';
import { MeetingsSection } from './features/assessments/MeetingsSection.tsx';
import { ContributionsSection } from './features/contributions/ContributionsSection.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [
  { key: 'diary', permission: permissions.caseRead, render: (props) => <DiarySection {...props} /> },
  { key: 'assessment', permission: permissions.caseRead, render: ({ detail }) => <AssessmentSection detail={detail} /> },
  { key: 'uvm', permission: permissions.caseRead, render: ({ detail }) => <MeetingsSection detail={detail} /> },
  { key: 'care-plan', permission: permissions.caseRead, render: ({ detail }) => <CarePlanSection detail={detail} /> },
  { key: 'contributions', permission: permissions.caseRead, render: ({ detail }) => <ContributionsSection detail={detail} /> },
  { key: 'procedures', permission: permissions.caseRead, render: ({ detail, onChanged }) => <ProceduresSection detail={detail} onChanged={onChanged} /> },
  { key: 'documents', permission: permissions.caseRead, render: ({ detail, onChanged }) => <DocumentsSection detail={detail} onChanged={onChanged} /> },
  { key: 'letters', permission: permissions.caseRead, render: ({ detail }) => <LettersSection detail={detail} /> },
];
