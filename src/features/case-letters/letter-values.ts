import type { Db } from '../../platform/db/database.ts';
import type { LetterPlaceholder } from '../case-settings/case-settings.codes.ts';
import { letterDate } from '../case-settings/letter-templates.service.ts';
import { caseHeading } from '../cases/case-heading.ts';
import type { CaseLetter } from './case-letters.schemas.ts';

/** What the placeholders of a letter on this case read, and whom the letter goes to (the case's beneficiary). */
export async function caseLetterValues(trx: Db, caseId: string, language: CaseLetter['language'], today: Date) {
  const heading = await caseHeading(trx, caseId);
  const values: Record<LetterPlaceholder, string> = {
    'person.fullName': heading.beneficiary?.fullName ?? '',
    'case.reference': heading.reference,
    today: letterDate(today, language),
    'worker.name': heading.ownerName,
    'municipality.name': `${language === 'it' ? 'Comune di' : 'Municipality of'} ${heading.municipalityName}`,
  };
  return { values, recipientId: heading.beneficiary?.id ?? null };
}
