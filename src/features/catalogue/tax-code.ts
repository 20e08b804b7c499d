import { validateFiscalCode } from '../registry/fiscal-code/fiscal-code.ts';

/** The check digit of a partita IVA over its first ten digits (Luhn-style: even positions doubled). */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < first10.length; i++) {
    const digit = Number(first10[i]);
    sum += i % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Partita IVA: 11 digits, the last the check digit of the first ten. */
export function isValidVatNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && vatCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

/** An organisation's tax code: a partita IVA (11 digits) or a sole trader's codice fiscale (16 characters). */
export function isValidProviderTaxCode(value: string): boolean {
  return value.length === 11 ? isValidVatNumber(value) : validateFiscalCode(value).valid;
}
