/** A letter is a draft until it is sent; a sent letter is never changed. */
export const LETTER_STATUSES = ['draft', 'sent'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
