import type { PersonSection } from './features/registry/PersonPage.tsx';

/** The sections other features add to the person page, in the order they are shown. */
export const personSections: readonly PersonSection[] = [];
