// Integer euro cents only: sums, splits and Italian formatting never go through floating point.

/** "€ 1.234,56" / "-€ 0,10" from integer cents (Italian grouping), exact for any safe integer. */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** The cents as a plain decimal for a spreadsheet ("1234,56"), Italian decimal comma. */
export function decimalCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${String(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')}`;
}

/** An IBAN without spaces, upper case. */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616 check: country, check digits, length 15–34, and the mod-97 remainder 1 (computed in pieces, no big numbers). */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('IT') && iban.length !== 27) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Integer cents from an amount typed in euros ("150", "150,5", "1.234,56", "0.10"); null when it is not an amount. */
export function parseEuroCents(text: string): number | null {
  const value = text.trim().replace(/^€\s*/, '');
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const euros = Number((match[1] ?? '0').replaceAll('.', ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}
