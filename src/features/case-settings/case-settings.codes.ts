/** Languages a letter template can be written in. */
export const LETTER_LANGUAGES = ['it', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The placeholders a letter template may use, filled when a letter is printed for a case. */
export const LETTER_PLACEHOLDERS = ['person.fullName', 'case.reference', 'today', 'worker.name', 'municipality.name'] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

/** Bounds the database enforces too. */
export const LEGAL_DEADLINE_DAYS = { min: 1, max: 365, default: 30 } as const;
export const INACTIVITY_DAYS = { min: 1, max: 730, default: 60 } as const;
export const MAX_SCALE_LEVELS = 11;
