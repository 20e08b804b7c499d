/** The sections of the worklist: cases past their review date, cases without activity, procedure deadlines. */
export const WORKLIST_SECTIONS = ['review', 'inactive', 'procedures'] as const;
export type WorklistSection = (typeof WORKLIST_SECTIONS)[number];

/** Counts stop here ("1000+"): the header and the tabs stay cheap on a territory of 300,000 cases. */
export const WORKLIST_COUNT_CAP = 1000;
