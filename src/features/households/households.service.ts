import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { toAddressColumns } from './household-address.ts';
import { currentMembers, lockHousehold, logHousehold } from './household-rules.ts';
import type { CreateHouseholdBody, HouseholdSaved, UpdateHouseholdBody } from './households.schemas.ts';
import { applyJoin, moveRequiredError, planJoin, type JoinPlan } from './membership.ts';
import { HOUSEHOLD_WRITE } from './permissions.ts';

type Outcome = { saved: HouseholdSaved } | { moveRequired: Extract<JoinPlan, { kind: 'moveRequired' }> };

/** Ends the transaction's work: a move to confirm is answered with a 409 once its read is logged. */
export function settle(outcome: Outcome): HouseholdSaved {
  if ('moveRequired' in outcome) throw moveRequiredError(outcome.moveRequired.data);
  return outcome.saved;
}

/** A new household in the reference person's territory, with that person as its first member. */
export async function createHousehold(db: Db, actor: Actor, body: CreateHouseholdBody): Promise<HouseholdSaved> {
  const scope = scopeFor(actor, HOUSEHOLD_WRITE);
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const plan = await planJoin(trx, scope, null, { personId: body.referencePersonId, relationship: 'reference_person', validFrom: body.validFrom, move: body.move });
    if (plan.kind === 'moveRequired') {
      await logHousehold(trx, actor, scope, 'read', [plan.log]);
      return { moveRequired: plan };
    }
    const household = await trx
      .insertInto('household')
      .values({
        municipality_code: plan.personMunicipality,
        area_id: plan.personArea,
        ...toAddressColumns(body.address),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(['id', 'municipality_code', 'version'])
      .executeTakeFirstOrThrow();
    const changes = await applyJoin(trx, actor, plan, household);
    await logHousehold(trx, actor, scope, 'create', changes);
    return { saved: { id: household.id, version: household.version } };
  });
  return settle(outcome);
}

/** The shared address, with optimistic locking: a stale version gets 412 and nothing is written. */
export async function updateHousehold(db: Db, actor: Actor, id: string, body: UpdateHouseholdBody): Promise<HouseholdSaved> {
  const scope = scopeFor(actor, HOUSEHOLD_WRITE);
  return db.transaction().execute(async (trx) => {
    const household = await lockHousehold(trx, scope, id);
    if (household.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const saved = await trx
      .updateTable('household')
      .set({ ...toAddressColumns(body.address), version: body.version + 1, updated_at: sql<string>`trama_now()`, updated_by: actor.userId })
      .where('id', '=', id)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const members = await currentMembers(trx, id);
    await logHousehold(
      trx,
      actor,
      scope,
      'update',
      members.map((member) => ({ personId: member.person_id, householdId: id, municipalityCode: household.municipality_code })),
    );
    return saved;
  });
}
