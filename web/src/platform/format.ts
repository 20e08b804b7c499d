function locale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'it-IT';
}

/** An ISO date (YYYY-MM-DD) as the reader expects it, without time-zone drift. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/**
 * "Novembre 2026" from "2026-11"; `midSentence` keeps the Italian month lower-case ("da novembre 2026"),
 * as Italian writes it (English months stay capitalised).
 */
export function formatMonth(month: string, language: string, midSentence = false): string {
  const [y = 2000, m = 1] = month.split('-').map(Number);
  const text = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return midSentence ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
