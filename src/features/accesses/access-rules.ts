import { sql } from 'kysely';
import { coversRecord, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { scopedPersons } from '../registry/person-row.ts';
import type { AccessFields, AccessPersonInput } from './accesses.schemas.ts';
import './accesses.tables.ts';
import '../catalogue/catalogue.tables.ts';
import { clock } from '../../platform/time/clock.ts';

/** A recorded time may run this far ahead of the server's clock (a desk PC slightly fast), no more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The rules an access must keep beyond its shape; each failure names the field and says how to fix it.
 * `prefix` is where the fields sit in the request body (`''` for a create, `access.` for an update).
 */
/** What the database knows about an access's references, read in one statement. */
export interface AccessFacts {
  needAreaKnown: boolean;
  serviceName: string | null;
  areaMunicipality: string | null;
  municipalityName: string | null;
  /** The persons asked for that are registered in the actor's territories. */
  persons: { id: string; municipality_code: string; family_name: string; given_name: string; fiscal_code: string | null }[];
}

function lookupFacts(trx: Db, scope: Scope, fields: AccessFields, personIds: string[]): Promise<AccessFacts> {
  const persons = scopedPersons(trx, scope)
    .where(sql<boolean>`p.id = ANY(${personIds}::uuid[])`)
    .select(sql<AccessFacts['persons'] | null>`json_agg(json_build_object('id', p.id, 'municipality_code', p.municipality_code,
      'family_name', p.family_name, 'given_name', p.given_name, 'fiscal_code', p.fiscal_code))`.as('persons'));
  return trx
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('need_area').select('code').where('code', '=', fields.needAreaCode)).as('need_area_known'),
      sql<string | null>`(SELECT name FROM service WHERE id = ${fields.outcomeServiceId ?? null}::uuid)`.as('service_name'),
      sql<string | null>`(SELECT municipality_code FROM area WHERE id = ${fields.areaId ?? null}::uuid)`.as('area_municipality'),
      eb.selectFrom('municipality').select('name').where('istat_code', '=', fields.municipalityCode).$asScalar().as('municipality_name'),
      persons.$asScalar().as('persons'),
    ])
    .executeTakeFirstOrThrow()
    .then((row) => ({
      needAreaKnown: Boolean(row.need_area_known),
      serviceName: row.service_name,
      areaMunicipality: row.area_municipality,
      municipalityName: row.municipality_name,
      persons: row.persons ?? [],
    }));
}

/**
 * The rules an access must keep beyond its shape; each failure names the field and says how to fix it.
 * `prefix` is where the fields sit in the request body (`''` for a create, `access.` for an update).
 * One round trip reads what the rules need (and the persons named, for a create).
 */
export async function checkAccessFields(trx: Db, scope: Scope, fields: AccessFields, prefix: string, personIds: string[] = []): Promise<AccessFacts> {
  const path = (field: string) => `${prefix}${field}`;
  if (Date.parse(fields.occurredAt) > clock.nowMs() + CLOCK_SKEW_MS) {
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
  const facts = await lookupFacts(trx, scope, fields, personIds);
  if (!facts.needAreaKnown) {
    throw invalid(path('needAreaCode'), { it: 'Area di bisogno sconosciuta: sceglierne una dall’elenco.', en: 'Unknown area of need: choose one from the list.' });
  }
  if (fields.outcomeServiceId && facts.serviceName === null) {
    throw invalid(path('outcomeServiceId'), { it: 'Servizio non presente nel catalogo.', en: 'Service not in the catalogue.' });
  }
  if (fields.areaId && facts.areaMunicipality !== fields.municipalityCode) {
    throw invalid(path('areaId'), { it: 'L’area non appartiene al comune dello sportello.', en: 'The area does not belong to the desk’s municipality.' });
  }
  if (!coversRecord(scope, fields.municipalityCode, fields.areaId ?? null)) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Il comune dello sportello non è tra i territori di competenza.', en: 'The desk’s municipality is not among your territories.' },
    });
  }
  return facts;
}

/** An access names at least one person or, when anonymous, describes who came. */
export const requireSomeone = (persons: unknown[], description: string | null | undefined, path: string) => {
  if (persons.length === 0 && !description) {
    throw invalid(path, {
      it: 'Indicare almeno una persona oppure, per un accesso anonimo, una breve descrizione.',
      en: 'Give at least one person or, for an anonymous access, a short description.',
    });
  }
};

const personNotFound = { it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' };

/** The persons named, each once and each found in the actor's territories (`found` from the facts). */
export function requireFoundPersons<T extends { id: string }>(ids: string[], found: T[], path: (index: number) => string): T[] {
  const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeated >= 0) {
    throw invalid(path(repeated), { it: 'La stessa persona è indicata due volte.', en: 'The same person is given twice.' });
  }
  const missing = ids.findIndex((id) => !found.some((row) => row.id === id));
  if (missing >= 0) throw invalid(path(missing), personNotFound);
  return ids.map((id) => found.find((row) => row.id === id)!);
}

/** The persons of an access: each once, each registered in the actor's territories. */
export async function checkPersons(trx: Db, scope: Scope, persons: AccessPersonInput[], path: (index: number) => string): Promise<{ id: string; municipality_code: string }[]> {
  const ids = persons.map((p) => p.personId);
  if (ids.length === 0) return [];
  const found = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code']).where('p.id', 'in', ids).execute();
  return requireFoundPersons(ids, found, path);
}
