import { coversRecord, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { scopedPersons } from '../registry/person-row.ts';
import type { AccessFields, AccessPersonInput } from './accesses.schemas.ts';
import './accesses.tables.ts';
import '../catalogue/catalogue.tables.ts';

/** A recorded time may run this far ahead of the server's clock (a desk PC slightly fast), no more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The rules an access must keep beyond its shape; each failure names the field and says how to fix it.
 * `prefix` is where the fields sit in the request body (`''` for a create, `access.` for an update).
 */
export async function checkAccessFields(trx: Db, scope: Scope, fields: AccessFields, prefix: string): Promise<void> {
  const path = (field: string) => `${prefix}${field}`;
  if (Date.parse(fields.occurredAt) > Date.now() + CLOCK_SKEW_MS) {
    throw invalid(path('occurredAt'), { it: 'La data e l’ora dell’accesso non possono essere nel futuro.', en: 'The date and time of the access cannot be in the future.' });
  }
  if (fields.outcome === 'referral' && !fields.referralUrgency) {
    throw invalid(path('referralUrgency'), { it: 'Per un invio al servizio sociale indicare l’urgenza.', en: 'Give the urgency of a referral to the social service.' });
  }
  if (fields.outcome !== 'referral' && fields.referralUrgency) {
    throw invalid(path('referralUrgency'), { it: 'L’urgenza si indica solo per un invio al servizio sociale.', en: 'The urgency is given only for a referral to the social service.' });
  }
  if (fields.outcome === 'orientation' && !fields.outcomeServiceId) {
    throw invalid(path('outcomeServiceId'), { it: 'Per un orientamento indicare il servizio del catalogo.', en: 'Give the catalogue service the person was oriented to.' });
  }
  if (fields.outcomeServiceId && fields.outcome !== 'orientation' && fields.outcome !== 'application_help') {
    throw invalid(path('outcomeServiceId'), {
      it: 'Il servizio si indica solo per un orientamento o un aiuto nella domanda.',
      en: 'A service is given only for an orientation or help with an application.',
    });
  }
  const [needArea, service, area] = await Promise.all([
    trx.selectFrom('need_area').select('code').where('code', '=', fields.needAreaCode).executeTakeFirst(),
    fields.outcomeServiceId ? trx.selectFrom('service').select('id').where('id', '=', fields.outcomeServiceId).executeTakeFirst() : undefined,
    fields.areaId ? trx.selectFrom('area').select('municipality_code').where('id', '=', fields.areaId).executeTakeFirst() : undefined,
  ]);
  if (!needArea) {
    throw invalid(path('needAreaCode'), { it: 'Area di bisogno sconosciuta: sceglierne una dall’elenco.', en: 'Unknown area of need: choose one from the list.' });
  }
  if (fields.outcomeServiceId && !service) {
    throw invalid(path('outcomeServiceId'), { it: 'Servizio non presente nel catalogo.', en: 'Service not in the catalogue.' });
  }
  if (fields.areaId && area?.municipality_code !== fields.municipalityCode) {
    throw invalid(path('areaId'), { it: 'L’area non appartiene al comune dello sportello.', en: 'The area does not belong to the desk’s municipality.' });
  }
  if (!coversRecord(scope, fields.municipalityCode, fields.areaId ?? null)) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Il comune dello sportello non è tra i territori di competenza.', en: 'The desk’s municipality is not among your territories.' },
    });
  }
}

/** The persons of an access: each once, each registered in the actor's territories. */
export async function checkPersons(trx: Db, scope: Scope, persons: AccessPersonInput[], path: (index: number) => string): Promise<{ id: string; municipality_code: string }[]> {
  const ids = persons.map((p) => p.personId);
  const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeated >= 0) {
    throw invalid(path(repeated), { it: 'La stessa persona è indicata due volte.', en: 'The same person is given twice.' });
  }
  if (ids.length === 0) return [];
  const found = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code']).where('p.id', 'in', ids).execute();
  const missing = ids.findIndex((id) => !found.some((row) => row.id === id));
  if (missing >= 0) {
    throw invalid(path(missing), { it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
  }
  return found;
}
