import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { scopedPersons } from '../registry/person-row.ts';
import type { Relationship } from './households.codes.ts';
import type { MoveRequired } from './households.schemas.ts';
import { addressOf, addressColumns } from './household-address.ts';
import { assertNotFuture, conflict, currentMembers, dayBefore, personNotFound, shown, wrongOrder, type LoggedChange } from './household-rules.ts';

export interface JoinInput {
  personId: string;
  relationship: Relationship;
  validFrom: string;
  move: boolean;
}

interface CurrentMembership {
  id: string;
  household_id: string;
  municipality_code: string;
  relationship: Relationship;
  valid_from: string;
}

/** What joining a household will do, checked before anything is written. */
export type JoinPlan =
  | { kind: 'join'; input: JoinInput; personMunicipality: string; personArea: string | null; leaving: CurrentMembership | null }
  | { kind: 'moveRequired'; data: MoveRequired; log: LoggedChange };

/**
 * Checks a person joining a household (a new one when householdId is null): the person is in the
 * actor's territories, the dates are in order, the new membership overlaps no earlier one, and a
 * person who belongs to another household leaves it only when the request says `move`.
 */
export async function planJoin(trx: Db, scope: Scope, householdId: string | null, input: JoinInput): Promise<JoinPlan> {
  const person = await scopedPersons(trx, scope).select(['p.id', 'p.municipality_code', 'p.area_id', 'p.birth_date']).where('p.id', '=', input.personId).executeTakeFirst();
  if (!person) throw personNotFound();
  assertNotFuture('validFrom', input.validFrom);
  if (person.birth_date && input.validFrom < person.birth_date) {
    throw wrongOrder(
      'validFrom',
      `La data di inizio (${shown(input.validFrom)}) è precedente alla nascita della persona (${shown(person.birth_date)}).`,
      `The start date (${shown(input.validFrom)}) is before the person's birth (${shown(person.birth_date)}).`,
    );
  }
  const earlier = await trx
    .selectFrom('household_member')
    .select('valid_to')
    .where('person_id', '=', input.personId)
    .where('valid_to', '>=', input.validFrom)
    .orderBy('valid_to', 'desc')
    .executeTakeFirst();
  if (earlier?.valid_to) {
    throw wrongOrder(
      'validFrom',
      `La persona risultava in un altro nucleo fino al ${shown(earlier.valid_to)}: la data di inizio deve essere successiva.`,
      `The person was in another household until ${shown(earlier.valid_to)}: the start date must be later.`,
    );
  }
  const leaving = await trx
    .selectFrom('household_member as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .select(['m.id', 'm.household_id', 'm.relationship', 'm.valid_from', 'h.municipality_code', 'h.area_id'])
    .select(addressColumns)
    .where('m.person_id', '=', input.personId)
    .where('m.valid_to', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!leaving) return { kind: 'join', input, personMunicipality: person.municipality_code, personArea: person.area_id, leaving: null };
  if (leaving.household_id === householdId) {
    throw conflict({ it: 'La persona fa già parte di questo nucleo familiare.', en: 'The person already belongs to this household.' });
  }
  if (!coversRecord(scope, leaving.municipality_code, leaving.area_id)) {
    throw new AppError('FORBIDDEN', {
      message: {
        it: 'La persona fa parte di un nucleo familiare fuori dai territori di competenza: non è possibile spostarla.',
        en: 'The person belongs to a household outside your territories: they cannot be moved.',
      },
    });
  }
  if (input.validFrom <= leaving.valid_from) {
    throw wrongOrder(
      'validFrom',
      `La persona è nel nucleo attuale dal ${shown(leaving.valid_from)}: la data di inizio nel nuovo nucleo deve essere successiva.`,
      `The person has been in their current household since ${shown(leaving.valid_from)}: the start date in the new household must be later.`,
    );
  }
  if (!input.move) {
    return {
      kind: 'moveRequired',
      data: {
        reason: 'moveRequired',
        householdId: leaving.household_id,
        address: await addressOf(trx, leaving),
        relationship: leaving.relationship,
        validFrom: leaving.valid_from,
        endsOn: dayBefore(input.validFrom),
      },
      log: { personId: input.personId, householdId: leaving.household_id, municipalityCode: leaving.municipality_code },
    };
  }
  if (leaving.relationship === 'reference_person') {
    const others = (await currentMembers(trx, leaving.household_id)).filter((member) => member.person_id !== input.personId);
    if (others.length > 0) {
      throw conflict({
        it: 'La persona è la persona di riferimento del suo nucleo attuale, dove restano altri componenti: indicare prima lì una nuova persona di riferimento.',
        en: 'The person is the reference person of their current household, where others remain: first name a new reference person there.',
      });
    }
  }
  return {
    kind: 'join',
    input,
    personMunicipality: person.municipality_code,
    personArea: person.area_id,
    leaving: { id: leaving.id, household_id: leaving.household_id, municipality_code: leaving.municipality_code, relationship: leaving.relationship, valid_from: leaving.valid_from },
  };
}

/** The 409 asking the operator to confirm the move, with where the person lives now. */
export const moveRequiredError = (data: MoveRequired) =>
  conflict(
    {
      it: `La persona fa parte di un altro nucleo familiare: confermare lo spostamento (l’appartenenza attuale terminerà il ${shown(data.endsOn)}).`,
      en: `The person belongs to another household: confirm the move (the current membership will end on ${shown(data.endsOn)}).`,
    },
    data,
  );

/** Writes a planned join: the old membership ends the day before the new one starts, in the same transaction. */
export async function applyJoin(
  trx: Db,
  actor: Actor,
  plan: Extract<JoinPlan, { kind: 'join' }>,
  household: { id: string; municipality_code: string },
): Promise<LoggedChange[]> {
  const changes: LoggedChange[] = [];
  if (plan.leaving) {
    await trx
      .updateTable('household_member')
      .set({ valid_to: dayBefore(plan.input.validFrom), end_reason: 'moved_to_household', ended_by: actor.userId })
      .where('id', '=', plan.leaving.id)
      .execute();
    changes.push({ personId: plan.input.personId, householdId: plan.leaving.household_id, municipalityCode: plan.leaving.municipality_code });
  }
  await trx
    .insertInto('household_member')
    .values({
      household_id: household.id,
      person_id: plan.input.personId,
      municipality_code: household.municipality_code,
      relationship: plan.input.relationship,
      valid_from: plan.input.validFrom,
      created_by: actor.userId,
    })
    .execute();
  changes.push({ personId: plan.input.personId, householdId: household.id, municipalityCode: household.municipality_code });
  return changes;
}
