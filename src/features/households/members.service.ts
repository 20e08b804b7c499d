import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import {
  assertNotFuture,
  conflict,
  currentMembers,
  lockHousehold,
  logHousehold,
  memberNotFound,
  shown,
  wrongOrder,
  type CurrentMember,
  type LockedHousehold,
} from './household-rules.ts';
import type { AddMemberBody, EndMemberBody, HouseholdSaved, RelationshipBody } from './households.schemas.ts';
import { settle } from './households.service.ts';
import { applyJoin, planJoin } from './membership.ts';
import { HOUSEHOLD_WRITE } from './permissions.ts';

const REFERENCE = 'reference_person';

/** Adds a person; one who belongs to another household moves only when the request says `move`. */
export async function addMember(db: Db, actor: Actor, householdId: string, body: AddMemberBody): Promise<HouseholdSaved> {
  const scope = scopeFor(actor, HOUSEHOLD_WRITE);
  const outcome = await db.transaction().execute(async (trx) => {
    const household = await lockHousehold(trx, scope, householdId);
    const members = await currentMembers(trx, householdId);
    if (body.relationship === REFERENCE && members.length > 0) {
      throw conflict({
        it: 'Il nucleo ha già una persona di riferimento: scegliere un’altra relazione (la persona di riferimento si cambia dal componente).',
        en: 'The household already has a reference person: choose another relationship (the reference person is changed on the member).',
      });
    }
    if (body.relationship !== REFERENCE && members.length === 0) {
      throw invalid('relationship', {
        it: 'Il nucleo non ha componenti attuali: il primo componente è la persona di riferimento.',
        en: 'The household has no current members: the first member is the reference person.',
      });
    }
    const plan = await planJoin(trx, scope, householdId, body);
    if (plan.kind === 'moveRequired') {
      await logHousehold(trx, actor, scope, 'read', [plan.log]);
      return { moveRequired: plan };
    }
    await logHousehold(trx, actor, scope, 'update', await applyJoin(trx, actor, plan, household));
    return { saved: { id: household.id, version: household.version } };
  });
  return settle(outcome);
}

interface MemberContext {
  household: LockedHousehold;
  member: CurrentMember;
  others: CurrentMember[];
}

/** The household (locked) and one of its current members, with the other current members. */
async function currentMember(trx: Db, scope: Scope, householdId: string, memberId: string): Promise<MemberContext> {
  const household = await lockHousehold(trx, scope, householdId);
  const row = await trx
    .selectFrom('household_member')
    .select(['id', 'person_id', 'relationship', 'valid_from', 'valid_to'])
    .where('id', '=', memberId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  if (!row) throw memberNotFound();
  if (row.valid_to !== null) {
    throw conflict({
      it: `L’appartenenza a questo nucleo è già terminata il ${shown(row.valid_to)}.`,
      en: `This membership already ended on ${shown(row.valid_to)}.`,
    });
  }
  const others = (await currentMembers(trx, householdId)).filter((other) => other.id !== memberId);
  return { household, member: row, others };
}

const logMembers = (trx: Db, actor: Actor, scope: Scope, household: LockedHousehold, members: CurrentMember[]) =>
  logHousehold(
    trx,
    actor,
    scope,
    'update',
    members.map((member) => ({ personId: member.person_id, householdId: household.id, municipalityCode: household.municipality_code })),
  );

/**
 * Ends a membership. When the reference person leaves and others remain, the request names the member
 * who becomes reference person, so a household never has none.
 */
export async function endMember(db: Db, actor: Actor, householdId: string, memberId: string, body: EndMemberBody): Promise<HouseholdSaved> {
  const scope = scopeFor(actor, HOUSEHOLD_WRITE);
  return db.transaction().execute(async (trx) => {
    const { household, member, others } = await currentMember(trx, scope, householdId, memberId);
    assertNotFuture('validTo', body.validTo);
    if (body.validTo < member.valid_from) {
      throw wrongOrder(
        'validTo',
        `La data di fine (${shown(body.validTo)}) è precedente all’inizio dell’appartenenza (${shown(member.valid_from)}).`,
        `The end date (${shown(body.validTo)}) is before the membership started (${shown(member.valid_from)}).`,
      );
    }
    const mustName = member.relationship === REFERENCE && others.length > 0;
    const successor = body.newReferenceMemberId ? others.find((other) => other.id === body.newReferenceMemberId) : undefined;
    if (mustName && !successor) {
      throw invalid('newReferenceMemberId', {
        it: 'Esce la persona di riferimento: indicare quale dei componenti che restano diventa la nuova persona di riferimento.',
        en: 'The reference person is leaving: name which of the remaining members becomes the new reference person.',
      });
    }
    if (!mustName && body.newReferenceMemberId) {
      throw invalid('newReferenceMemberId', {
        it: 'Una nuova persona di riferimento si indica solo quando esce la persona di riferimento.',
        en: 'A new reference person is named only when the reference person leaves.',
      });
    }
    await trx
      .updateTable('household_member')
      .set({ valid_to: body.validTo, end_reason: body.reason, ended_by: actor.userId })
      .where('id', '=', memberId)
      .execute();
    if (successor) await trx.updateTable('household_member').set({ relationship: REFERENCE }).where('id', '=', successor.id).execute();
    await logMembers(trx, actor, scope, household, successor ? [member, successor] : [member]);
    return { id: household.id, version: household.version };
  });
}

/**
 * Changes a current member's relationship to the reference person. Making someone reference person
 * names the former reference person's new relationship in the same request.
 */
export async function changeRelationship(db: Db, actor: Actor, householdId: string, memberId: string, body: RelationshipBody): Promise<HouseholdSaved> {
  const scope = scopeFor(actor, HOUSEHOLD_WRITE);
  return db.transaction().execute(async (trx) => {
    const { household, member, others } = await currentMember(trx, scope, householdId, memberId);
    const saved = { id: household.id, version: household.version };
    if (member.relationship === REFERENCE && body.relationship !== REFERENCE) {
      throw invalid('relationship', {
        it: 'Il nucleo deve avere una persona di riferimento: indicare come persona di riferimento un altro componente.',
        en: 'The household must have a reference person: make another member the reference person instead.',
      });
    }
    const former = body.relationship === REFERENCE && member.relationship !== REFERENCE ? others.find((other) => other.relationship === REFERENCE) : undefined;
    if (former && !body.formerReferenceRelationship) {
      throw invalid('formerReferenceRelationship', {
        it: 'Indicare la nuova relazione dell’attuale persona di riferimento.',
        en: 'Give the new relationship of the current reference person.',
      });
    }
    if (!former && body.formerReferenceRelationship) {
      throw invalid('formerReferenceRelationship', {
        it: 'Questa indicazione serve solo quando un altro componente diventa persona di riferimento.',
        en: 'This is given only when another member becomes the reference person.',
      });
    }
    if (member.relationship === body.relationship) return saved;
    // The former reference person changes first: a household never has two at once (a unique index).
    if (former && body.formerReferenceRelationship) {
      await trx.updateTable('household_member').set({ relationship: body.formerReferenceRelationship }).where('id', '=', former.id).execute();
    }
    await trx.updateTable('household_member').set({ relationship: body.relationship }).where('id', '=', memberId).execute();
    await logMembers(trx, actor, scope, household, former ? [member, former] : [member]);
    return saved;
  });
}
