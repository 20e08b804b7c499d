import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { today } from '../households/household-rules.ts';
import type { Relationship } from '../households/households.codes.ts';
import { birthPlaceName } from '../registry/fiscal-code-check.ts';
import type { PersonToHear } from './referrals.tables.ts';
import '../households/households.tables.ts';
import '../registry/registry.tables.ts';
import '../territories/territories.tables.ts';

export interface Identity {
  id: string;
  fullName: string;
  birthDate: string | null;
  birthPlace: string | null;
  fiscalCode: string | null;
  residence: string | null;
}

/** Who the person is, as a letter to a service or a court names them: name, birth, fiscal code, residence. */
export async function identityOf(trx: Db, personId: string): Promise<Identity> {
  const p = await trx
    .selectFrom('person as p')
    .leftJoin('municipality as m', 'm.istat_code', 'p.residence_municipality_code')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date', 'p.birth_place_code', 'p.fiscal_code', 'p.residence_address', 'p.residence_postal_code', 'm.name as residence_municipality'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  const residence = [p.residence_address, [p.residence_postal_code, p.residence_municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    id: p.id,
    fullName: `${p.given_name} ${p.family_name}`,
    birthDate: p.birth_date,
    birthPlace: p.birth_place_code ? ((await birthPlaceName(trx, p.birth_place_code)) ?? p.birth_place_code) : null,
    fiscalCode: p.fiscal_code,
    residence: residence || null,
  };
}

const RELATION_IT: Record<Relationship, string> = {
  reference_person: 'intestatario della scheda di famiglia',
  spouse: 'coniuge',
  partner: 'partner',
  child: 'figlio/a',
  parent: 'genitore',
  sibling: 'fratello/sorella',
  grandchild: 'nipote',
  grandparent: 'nonno/a',
  other_relative: 'parente',
  cohabitant: 'convivente',
  carer: 'assistente familiare',
  other: 'altro',
};

/** The other current members of the person's household, as persons the judge may hear (art. 407 c.c.). */
export async function householdToHear(trx: Db, personId: string): Promise<PersonToHear[]> {
  const day = today();
  const rows = await trx
    .selectFrom('household_member as own')
    .innerJoin('household_member as m', 'm.household_id', 'own.household_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.given_name', 'p.family_name', 'm.relationship'])
    .where('own.person_id', '=', personId)
    .where('m.person_id', '<>', personId)
    .where((eb) => eb.or([eb('own.valid_to', 'is', null), eb('own.valid_to', '>', day)]))
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', day)]))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return rows.map((r) => ({ name: `${r.given_name} ${r.family_name}`, relation: RELATION_IT[r.relationship] }));
}

/** A transition not in the status machine: 409 naming the states allowed from here. */
export function illegalTransition(kind: { it: string; en: string }, from: string, to: string, allowed: readonly string[]): AppError {
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  return new AppError('CONFLICT', {
    message: {
      it: `${kind.it}: non si può passare da «${from}» a «${to}». Stati possibili: ${list}.`,
      en: `${kind.en}: cannot go from "${from}" to "${to}". Allowed: ${list}.`,
    },
    data: { allowed },
  });
}

export function notInFuture(field: string, date: string): void {
  if (date > today()) throw invalid(field, { it: 'La data non può essere futura.', en: 'The date cannot be in the future.' });
}

export function required(field: string, value: string | null | undefined, message: { it: string; en: string }): string {
  if (!value?.trim()) throw invalid(field, message);
  return value;
}
