import type { CaseSection } from './features/cases/CasePage.tsx';

/** The sections other features add to the case page, in the order they are shown. */
export const caseSections: readonly CaseSection[] = [];
