// Money is integer euro cents everywhere: sums, splits and formatting never go through floating point.

/** "21,37", "21.37", "1.234,50" (Italian thousands), "€ 8" or "21" typed by a person → cents; null when not an amount. */
export function parseEuros(text: string): number | null {
  const t = text.trim().replace(/^€\s*/u, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d{1,9})(?:,(\d{1,2}))?$/u.exec(t) ?? /^(\d{1,9})(?:\.(\d{1,2}))?$/u.exec(t);
  if (!match) return null;
  return Number((match[1] ?? '').replace(/\./gu, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 2778112 → "€ 27.781,12" (Italian) or "€27,781.12" (English), from the integer, exact for any safe integer. */
export function formatCents(cents: number, language = 'it'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/gu, language === 'it' ? '.' : ',');
  const rest = String(abs % 100).padStart(2, '0');
  return language === 'it' ? `${sign}€ ${euros},${rest}` : `${sign}€${euros}.${rest}`;
}
