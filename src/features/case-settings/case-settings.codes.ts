/** Languages a letter template can be written in. */
export const LETTER_LANGUAGES = ['it', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The placeholders a letter template may use, filled when a letter is printed for a case. */
export const LETTER_PLACEHOLDERS = ['person.fullName', 'case.reference', 'today', 'worker.name', 'municipality.name'] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

/** What each placeholder reads like, for scoring a template's readability and for previews. */
export const LETTER_SAMPLE_VALUES: Record<LetterPlaceholder, string> = {
  'person.fullName': 'Maria Esposito',
  'case.reference': 'C-2026-000123',
  today: '26 novembre 2026',
  'worker.name': 'Giulia Bianchi',
  'municipality.name': 'Comune di Castel Maggiore',
};

/** The text with each {{placeholder}} read as sample words (unknown ones as their bare name). */
export function withSampleValues(text: string): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/gu, (_whole, name: string) => (LETTER_SAMPLE_VALUES as Record<string, string | undefined>)[name] ?? name);
}

/** Bounds the database enforces too. */
export const LEGAL_DEADLINE_DAYS = { min: 1, max: 365, default: 30 } as const;
export const INACTIVITY_DAYS = { min: 1, max: 730, default: 60 } as const;
/** From how many days before its legal deadline an undecided procedure is "near the deadline". */
export const NEAR_DEADLINE_DAYS = { min: 1, max: 90, default: 7 } as const;
export const MAX_SCALE_LEVELS = 11;
