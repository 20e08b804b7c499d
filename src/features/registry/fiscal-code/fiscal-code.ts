// Italian codice fiscale of natural persons (16 characters), as defined by
// D.M. 23/12/1976 and the Agenzia delle Entrate omocodia rules.

import { clock } from '../../../platform/time/clock.ts';
import { dayInRome } from '../../../platform/time/rome.ts';

export type Sex = 'M' | 'F';

export type FiscalCodeInvalidReason = 'length' | 'format' | 'checkCharacter' | 'birthDate';

export type FiscalCodeValidation =
  | { valid: true }
  | { valid: false; reason: FiscalCodeInvalidReason };

export interface DecodedFiscalCode {
  sex: Sex;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** Belfiore code with omocodia undone: 'A944' for a comune, 'Z100' for a foreign state. */
  birthPlaceCode: string;
  isOmocode: boolean;
}

export interface FiscalCodePerson {
  familyName: string;
  givenName: string;
  sex: Sex;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  birthPlaceCode: string;
}

export type FiscalCodeMismatch = 'familyName' | 'givenName' | 'sex' | 'birthDate' | 'birthPlace';

export class FiscalCodeError extends Error {
  readonly reason: FiscalCodeInvalidReason;

  constructor(reason: FiscalCodeInvalidReason) {
    super(`Invalid fiscal code: ${reason}`);
    this.name = 'FiscalCodeError';
    this.reason = reason;
  }
}

const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** 0-based indexes of the digits that omocodia may replace with letters. */
const OMOCODE_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

// Values of characters in odd (1st, 3rd, ...) positions, indexed by digit then A-Z.
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function normalizeFiscalCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function characterIndex(code: number): number {
  return code <= 57 ? code - 48 : code - 65 + 10;
}

/** Check character for the first 15 characters of an already well-formed code. */
export function computeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = first15.charCodeAt(i);
    // Even positions (2nd, 4th, ...) are worth their digit value or alphabet index.
    sum += i % 2 === 0 ? ODD_VALUES[characterIndex(code)]! : code <= 57 ? code - 48 : code - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Replaces omocodia letters with the digits they stand for. */
function undoOmocodia(code: string): string {
  const chars = code.split('');
  for (const position of OMOCODE_POSITIONS) {
    const letterIndex = OMOCODE_LETTERS.indexOf(chars[position]!);
    if (letterIndex >= 0) chars[position] = String(letterIndex);
  }
  return chars.join('');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

interface EncodedBirth {
  yearOfCentury: number;
  month: number;
  day: number;
  sex: Sex;
}

/** Month/day part of a code whose omocodia is already undone; undefined when impossible. */
function readEncodedBirth(plain: string): EncodedBirth | undefined {
  const month = MONTH_LETTERS.indexOf(plain[8]!) + 1;
  const encodedDay = Number(plain.slice(9, 11));
  if (month === 0) return undefined;
  const sex: Sex = encodedDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? encodedDay - 40 : encodedDay;
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) return undefined;
  const yearOfCentury = Number(plain.slice(6, 8));
  // 29 February "00" is fine because 2000 was a leap year.
  if (month === 2 && day === 29 && yearOfCentury % 4 !== 0) return undefined;
  return { yearOfCentury, month, day, sex };
}

export function validateFiscalCode(input: string): FiscalCodeValidation {
  const code = normalizeFiscalCode(input);
  if (code.length !== 16) return { valid: false, reason: 'length' };
  if (!SHAPE.test(code)) return { valid: false, reason: 'format' };
  if (computeCheckCharacter(code) !== code[15]) return { valid: false, reason: 'checkCharacter' };
  if (!readEncodedBirth(undoOmocodia(code))) return { valid: false, reason: 'birthDate' };
  return { valid: true };
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function toIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Decodes a valid code; undefined when the code is invalid. `today` is read as a day in Italy. */
export function findDecodedFiscalCode(input: string, today: Date = clock.now()): DecodedFiscalCode | undefined {
  const code = normalizeFiscalCode(input);
  if (!validateFiscalCode(code).valid) return undefined;
  const plain = undoOmocodia(code);
  const birth = readEncodedBirth(plain)!;
  const todayIso = dayInRome(today);
  // The code only holds two year digits: take the latest birth date that is not in the future.
  let year = Math.floor(Number(todayIso.slice(0, 4)) / 100) * 100 + birth.yearOfCentury;
  if (toIsoDate(year, birth.month, birth.day) > todayIso) year -= 100;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return undefined;
  return {
    sex: birth.sex,
    birthDate: toIsoDate(year, birth.month, birth.day),
    birthPlaceCode: plain.slice(11, 15),
    isOmocode: plain !== code,
  };
}

/** Decodes a code, throwing FiscalCodeError when it is invalid. */
export function decodeFiscalCode(input: string, today: Date = clock.now()): DecodedFiscalCode {
  const decoded = findDecodedFiscalCode(input, today);
  if (decoded) return decoded;
  const validation = validateFiscalCode(input);
  // A valid code can still fail here: 29 February of a century year that was not a leap year.
  throw new FiscalCodeError(validation.valid ? 'birthDate' : validation.reason);
}

const VOWELS = 'AEIOU';

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Upper-case A-Z letters only: accents removed, apostrophes, spaces and hyphens dropped. */
function lettersOf(name: string): string {
  // Decomposing turns 'ò' into 'o' plus a combining accent, which the last step drops;
  // plain ASCII names skip it because bulk generation computes millions of codes.
  const decomposed = PLAIN_ASCII.test(name) ? name : name.normalize('NFD');
  return decomposed.toUpperCase().replace(/[^A-Z]/g, '');
}

function splitLetters(letters: string): { consonants: string; vowels: string } {
  let consonants = '';
  let vowels = '';
  for (const letter of letters) {
    if (VOWELS.includes(letter)) vowels += letter;
    else consonants += letter;
  }
  return { consonants, vowels };
}

function familyCodeOfLetters(letters: string): string {
  const { consonants, vowels } = splitLetters(letters);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

function givenCodeOfLetters(letters: string): string {
  const { consonants, vowels } = splitLetters(letters);
  if (consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return (consonants + vowels + 'XXX').slice(0, 3);
}

export function familyNameCode(familyName: string): string {
  return familyCodeOfLetters(lettersOf(familyName));
}

export function givenNameCode(givenName: string): string {
  return givenCodeOfLetters(lettersOf(givenName));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const maxDay = month === 2 && !isLeapYear(year) ? 28 : DAYS_IN_MONTH[month - 1];
    if (maxDay !== undefined && day >= 1 && day <= maxDay) return { year, month, day };
  }
  throw new RangeError(`Invalid birth date: ${value}`);
}

const BELFIORE = /^[A-Z]\d{3}$/;
// Typed as strings so the check still guards callers that pass unchecked data.
const SEXES: ReadonlySet<string> = new Set(['M', 'F']);

export function computeFiscalCode(person: FiscalCodePerson): string {
  const { year, month, day } = parseIsoDate(person.birthDate);
  const placeCode = person.birthPlaceCode.toUpperCase();
  if (!BELFIORE.test(placeCode)) throw new RangeError(`Invalid birth place code: ${person.birthPlaceCode}`);
  if (!SEXES.has(person.sex)) throw new RangeError(`Invalid sex: ${person.sex}`);
  const familyLetters = lettersOf(person.familyName);
  const givenLetters = lettersOf(person.givenName);
  if (familyLetters === '' || givenLetters === '') {
    throw new RangeError('Family and given names need at least one letter');
  }
  const first15 =
    familyCodeOfLetters(familyLetters) +
    givenCodeOfLetters(givenLetters) +
    pad(year % 100, 2) +
    MONTH_LETTERS[month - 1]! +
    pad(person.sex === 'F' ? day + 40 : day, 2) +
    placeCode;
  return first15 + computeCheckCharacter(first15);
}

/**
 * Applies omocodia level 1-7 the way the Agenzia delle Entrate does, replacing digits from
 * the rightmost one; used to tell apart people who would otherwise share a code.
 */
export function toOmocode(fiscalCode: string, level: number): string {
  if (!Number.isInteger(level) || level < 0 || level > OMOCODE_POSITIONS.length) {
    throw new RangeError(`Omocodia level must be 0-${OMOCODE_POSITIONS.length}`);
  }
  const validation = validateFiscalCode(fiscalCode);
  if (!validation.valid) throw new FiscalCodeError(validation.reason);
  const chars = undoOmocodia(normalizeFiscalCode(fiscalCode)).split('');
  for (let i = 0; i < level; i++) {
    const position = OMOCODE_POSITIONS[OMOCODE_POSITIONS.length - 1 - i]!;
    chars[position] = OMOCODE_LETTERS[Number(chars[position])]!;
  }
  const first15 = chars.slice(0, 15).join('');
  return first15 + computeCheckCharacter(first15);
}

/**
 * Which of the given personal data disagree with a fiscal code. Birth date parts are compared
 * as encoded (two year digits), so centenarians are not reported as mismatches.
 * Throws FiscalCodeError when the fiscal code itself is invalid.
 */
export function compareFiscalCode(fiscalCode: string, person: Partial<FiscalCodePerson>): FiscalCodeMismatch[] {
  const code = normalizeFiscalCode(fiscalCode);
  const validation = validateFiscalCode(code);
  if (!validation.valid) throw new FiscalCodeError(validation.reason);
  const plain = undoOmocodia(code);
  const birth = readEncodedBirth(plain)!;
  const mismatches: FiscalCodeMismatch[] = [];
  if (person.familyName !== undefined && familyNameCode(person.familyName) !== plain.slice(0, 3)) {
    mismatches.push('familyName');
  }
  if (person.givenName !== undefined && givenNameCode(person.givenName) !== plain.slice(3, 6)) {
    mismatches.push('givenName');
  }
  if (person.sex !== undefined && person.sex !== birth.sex) mismatches.push('sex');
  if (person.birthDate !== undefined) {
    const date = ISO_DATE.exec(person.birthDate);
    const matches =
      date !== null &&
      Number(date[1]) % 100 === birth.yearOfCentury &&
      Number(date[2]) === birth.month &&
      Number(date[3]) === birth.day;
    if (!matches) mismatches.push('birthDate');
  }
  if (person.birthPlaceCode !== undefined && person.birthPlaceCode.toUpperCase() !== plain.slice(11, 15)) {
    mismatches.push('birthPlace');
  }
  return mismatches;
}
