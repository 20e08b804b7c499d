import { CarePlanSection } from './features/care-plans/CarePlanSection.tsx';
import type { CaseSection } from './features/cases/CasePage.tsx';
import { InterventionsSection } from './features/interventions/InterventionsSection.tsx';
import { DiarySection } from './features/case-diary/DiarySection.tsx';
import { ProceduresSection } from './features/procedures/ProceduresSection.tsx';
import { DocumentsSection } from './features/case-documents/DocumentsSection.tsx';
import { LettersSection } from './features/case-letters/LettersSection.tsx';
import { AssessmentSection } from './features/assessments/AssessmentSection.tsx';
import { MeetingsSection } from './features/assessments/MeetingsSection.tsx';
import { PetitionsSection, ReferralsSection } from './features/referrals/ReferralsSection.tsx';
import { ContributionsSection } from './features/contributions/ContributionsSection.tsx';
import { PlanContributions } from './features/contributions/PlanContributions.tsx';
import type { PlanVersion } from '../../src/features/care-plans/care-plans.schemas.ts';
import { permissions } from './platform/auth/permissions.ts';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [
  { key: 'diary', title: 'caseDiary:section.title', permission: permissions.caseRead, render: (props) => <DiarySection {...props} /> },
  { key: 'assessment', title: 'assessments:section.title', permission: permissions.caseRead, render: ({ detail }) => <AssessmentSection detail={detail} /> },
  { key: 'uvm', title: 'assessments:meetings.title', permission: permissions.caseRead, render: ({ detail }) => <MeetingsSection detail={detail} /> },
  { key: 'care-plan', title: 'carePlans:section.title', permission: permissions.caseRead, render: ({ detail }) => <CarePlanSection detail={detail} /> },
  { key: 'interventions', title: 'interventions:section.title', permission: permissions.interventionRead, render: ({ detail }) => <InterventionsSection detail={detail} /> },
  { key: 'contributions', title: 'contributions:section.title', permission: permissions.caseRead, render: ({ detail }) => <ContributionsSection detail={detail} /> },
  { key: 'procedures', title: 'procedures:title', permission: permissions.caseRead, render: ({ detail, onChanged }) => <ProceduresSection detail={detail} onChanged={onChanged} /> },
  { key: 'documents', title: 'caseDocuments:title', permission: permissions.caseRead, render: ({ detail, onChanged }) => <DocumentsSection detail={detail} onChanged={onChanged} /> },
  { key: 'letters', title: 'caseLetters:title', permission: permissions.caseRead, render: ({ detail }) => <LettersSection detail={detail} /> },
  { key: 'referrals', title: 'referrals:referrals.title', permission: permissions.caseRead, render: ({ detail }) => <ReferralsSection detail={detail} /> },
  { key: 'petitions', title: 'referrals:petitions.title', permission: permissions.caseRead, render: ({ detail }) => <PetitionsSection detail={detail} /> },
];

/** What other features show on the personalised project's page, under the version. */
export const planExtra = (plan: PlanVersion) => <PlanContributions plan={plan} />;
