import { invalid } from '../../platform/http/errors.ts';
import { LETTER_PLACEHOLDERS, type LetterPlaceholder } from './case-settings.codes.ts';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;
const known = new Set<string>(LETTER_PLACEHOLDERS);

/** The placeholders a text uses that Trama cannot fill, in order of first use. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** Refuses (400, naming them) a template field that uses unknown placeholders. */
export function assertKnownPlaceholders(field: string, text: string): void {
  const unknown = unknownPlaceholders(text);
  if (unknown.length === 0) return;
  const names = unknown.map((n) => `{{${n}}}`).join(', ');
  const allowed = LETTER_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ');
  throw invalid(field, {
    it: `Segnaposto sconosciuti: ${names}. Si possono usare: ${allowed}.`,
    en: `Unknown placeholders: ${names}. You can use: ${allowed}.`,
  });
}

/** The text with every known placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Record<LetterPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (known.has(name) ? values[name as LetterPlaceholder] : whole));
}
