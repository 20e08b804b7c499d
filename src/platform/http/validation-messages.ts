import type { z } from 'zod';
import type { FieldIssue } from './errors.ts';

/** Messages for the named formats the schemas use as regex messages. */
const formatMessages: Record<string, [string, string]> = {
  istatCode: ['Codice ISTAT del comune: 6 cifre.', 'Municipality ISTAT code: 6 digits.'],
  istatCodeList: ['Codici ISTAT dei comuni: 6 cifre ciascuno, separati da virgole.', 'Municipality ISTAT codes: 6 digits each, separated by commas.'],
  belfiore: ['Codice catastale: una lettera e tre cifre (es. A944, Z100).', 'Cadastral code: a letter and three digits (e.g. A944, Z100).'],
  iso2: ['Cittadinanza: codice paese di due lettere (es. IT).', 'Citizenship: two-letter country code (e.g. IT).'],
  phone: ['Telefono: solo cifre, spazi e + (5–20 caratteri).', 'Phone: digits, spaces and + only (5–20 characters).'],
  postalCode: ['CAP: 5 cifre.', 'Postal code: 5 digits.'],
  language: ['Lingua: codice di due lettere minuscole (es. it).', 'Language: two lower-case letters (e.g. it).'],
  username: ['Nome utente: lettere minuscole, cifre, punto, trattino.', 'Username: lower-case letters, digits, dot, dash.'],
  serviceCode: ['Codice del servizio: lettere, cifre e . - _ / (al massimo 30).', 'Service code: letters, digits and . - _ / (at most 30).'],
  referenceCode: [
    'Codice: da 2 a 30 lettere maiuscole, cifre o _ (es. ECON_CONTRIB).',
    'Code: 2 to 30 upper-case letters, digits or _ (e.g. ECON_CONTRIB).',
  ],
  needArea: ['Area di bisogno: codice ISTAT (es. FAM, ELD).', 'Area of need: ISTAT code (e.g. FAM, ELD).'],
  taxCode: [
    'Codice fiscale o partita IVA: 11 cifre o 16 caratteri.',
    'Tax code or VAT number: 11 digits or 16 characters.',
  ],
  min12: ['La password deve avere almeno 12 caratteri.', 'The password must have at least 12 characters.'],
};

function describe(issue: z.core.$ZodIssue): [string, string] {
  const named = formatMessages[issue.message];
  if (named) return named;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `input` out of issues unless asked; its default message says what was received.
      return issue.message.endsWith('received undefined')
        ? ['Campo obbligatorio.', 'Required field.']
        : [`Tipo non valido: atteso ${issue.expected}.`, `Wrong type: expected ${issue.expected}.`];
    case 'too_small':
      return issue.origin === 'string'
        ? [`Troppo corto: almeno ${issue.minimum} caratteri.`, `Too short: at least ${issue.minimum} characters.`]
        : [`Valore troppo piccolo: minimo ${issue.minimum}.`, `Value too small: minimum ${issue.minimum}.`];
    case 'too_big':
      return issue.origin === 'string'
        ? [`Troppo lungo: al massimo ${issue.maximum} caratteri.`, `Too long: at most ${issue.maximum} characters.`]
        : [`Valore troppo grande: massimo ${issue.maximum}.`, `Value too large: maximum ${issue.maximum}.`];
    case 'unrecognized_keys':
      return [`Campi non previsti: ${issue.keys.join(', ')}.`, `Unexpected fields: ${issue.keys.join(', ')}.`];
    case 'invalid_format':
      if (issue.format === 'email') return ['Indirizzo e-mail non valido.', 'Invalid e-mail address.'];
      if (issue.format === 'date') return ['Data non valida: usare AAAA-MM-GG.', 'Invalid date: use YYYY-MM-DD.'];
      if (issue.format === 'uuid') return ['Identificativo non valido.', 'Invalid identifier.'];
      return ['Formato non valido.', 'Invalid format.'];
    case 'invalid_value':
      return [
        `Valore non ammesso: scegliere tra ${issue.values.map(String).join(', ')}.`,
        `Value not allowed: choose among ${issue.values.map(String).join(', ')}.`,
      ];
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return ['Valore non valido.', 'Invalid value.'];
  }
}

export function toFieldIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldIssue[] {
  return issues.map((issue) => {
    const [message, messageEn] = describe(issue);
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, message, messageEn };
  });
}
