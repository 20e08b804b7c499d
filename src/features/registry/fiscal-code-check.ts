import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { compareFiscalCode, findDecodedFiscalCode, normalizeFiscalCode, validateFiscalCode } from './fiscal-code/fiscal-code.ts';
import type { FiscalCodeCheck } from './registry.schemas.ts';
import '../territories/territories.tables.ts';

export interface FiscalCodeFields {
  fiscalCode?: string | null | undefined;
  familyName?: string | undefined;
  givenName?: string | undefined;
  sex?: 'M' | 'F' | null | undefined;
  birthDate?: string | null | undefined;
  birthPlaceCode?: string | null | undefined;
}

export async function birthPlaceName(db: Db, code: string): Promise<string | null> {
  const municipality = await db.selectFrom('municipality').select('name').where('belfiore', '=', code).executeTakeFirst();
  if (municipality) return municipality.name;
  const country = await db.selectFrom('foreign_country').select('name_it').where('code', '=', code).executeTakeFirst();
  return country?.name_it ?? null;
}

/** Validity and decoding of the fiscal code, and the entered fields it contradicts (warnings, not errors). */
export async function checkFiscalCode(db: Db, fields: FiscalCodeFields): Promise<FiscalCodeCheck> {
  if (!fields.fiscalCode) return { status: 'absent', mismatches: [] };
  const fiscalCode = normalizeFiscalCode(fields.fiscalCode);
  const validation = validateFiscalCode(fiscalCode);
  if (!validation.valid) return { status: 'invalid', reason: validation.reason, mismatches: [] };
  const decoded = findDecodedFiscalCode(fiscalCode);
  if (!decoded) return { status: 'invalid', reason: 'birthDate', mismatches: [] };
  const mismatches = compareFiscalCode(fiscalCode, {
    ...(fields.familyName ? { familyName: fields.familyName } : {}),
    ...(fields.givenName ? { givenName: fields.givenName } : {}),
    ...(fields.sex ? { sex: fields.sex } : {}),
    ...(fields.birthDate ? { birthDate: fields.birthDate } : {}),
    ...(fields.birthPlaceCode ? { birthPlaceCode: fields.birthPlaceCode } : {}),
  });
  return {
    status: 'valid',
    decoded: {
      sex: decoded.sex,
      birthDate: decoded.birthDate,
      birthPlaceCode: decoded.birthPlaceCode,
      birthPlaceName: await birthPlaceName(db, decoded.birthPlaceCode),
    },
    mismatches,
  };
}

const reasonMessages = {
  length: { it: 'Il codice fiscale deve avere 16 caratteri.', en: 'The fiscal code must have 16 characters.' },
  format: { it: 'Il codice fiscale ha un formato non valido.', en: 'The fiscal code has an invalid format.' },
  checkCharacter: {
    it: 'Il codice fiscale non è valido: il carattere di controllo non corrisponde (errore di battitura?).',
    en: 'The fiscal code is not valid: the check character does not match (a typo?).',
  },
  birthDate: { it: 'Il codice fiscale contiene una data di nascita impossibile.', en: 'The fiscal code holds an impossible birth date.' },
} as const;

/** A fiscal code may be missing (temporary or foreign persons) but, when given, it must be valid. */
export function requireValidFiscalCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const fiscalCode = normalizeFiscalCode(raw);
  const validation = validateFiscalCode(fiscalCode);
  if (!validation.valid) throw invalid('person.fiscalCode', reasonMessages[validation.reason]);
  return fiscalCode;
}
