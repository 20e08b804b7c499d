import type { CaseSection } from './features/cases/CasePage.tsx';
import { DiarySection } from './features/case-diary/DiarySection.tsx';
import { ProceduresSection } from './features/procedures/ProceduresSection.tsx';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [
  { key: 'diary', permission: permissions.caseRead, render: (props) => <DiarySection {...props} /> },
  { key: 'procedures', permission: permissions.caseRead, render: ({ detail, onChanged }) => <ProceduresSection detail={detail} onChanged={onChanged} /> },
];
