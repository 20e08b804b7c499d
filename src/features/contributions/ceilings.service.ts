import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { CONTRIBUTION_CONFIGURE } from './permissions.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './contributions.tables.ts';
import '../territories/territories.tables.ts';

interface Ceiling {
  municipalityCode: string;
  municipalityName: string;
  personYearlyCents: number | null;
  householdYearlyCents: number | null;
  version: number | null;
}

const cents = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));

/** The yearly ceilings of the municipalities the manager configures (null: none set). */
export async function listCeilings(db: Db, actor: Actor): Promise<Ceiling[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .leftJoin('contribution_ceiling as c', 'c.municipality_code', 'm.istat_code')
    .select(['m.istat_code', 'm.name', 'c.person_yearly_cents', 'c.household_yearly_cents', 'c.version'])
    .where(inScope(scopeFor(actor, CONTRIBUTION_CONFIGURE), 'm.istat_code'))
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({ municipalityCode: r.istat_code, municipalityName: r.name, personYearlyCents: cents(r.person_yearly_cents), householdYearlyCents: cents(r.household_yearly_cents), version: r.version }));
}

export async function saveCeiling(
  db: Db,
  actor: Actor,
  municipalityCode: string,
  body: { personYearlyCents: number | null; householdYearlyCents: number | null; version: number | null },
): Promise<Ceiling> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeFor(actor, CONTRIBUTION_CONFIGURE);
    if (!scope.municipalityCodes.includes(municipalityCode)) throw notFound();
    const [before] = (await listCeilings(trx, actor)).filter((c) => c.municipalityCode === municipalityCode);
    const current = await trx.selectFrom('contribution_ceiling').select('version').where('municipality_code', '=', municipalityCode).forUpdate().executeTakeFirst();
    if ((current?.version ?? null) !== body.version) throw new AppError('VERSION_CONFLICT');
    const values = { person_yearly_cents: body.personYearlyCents, household_yearly_cents: body.householdYearlyCents, updated_by: actor.userId };
    if (current) {
      await trx.updateTable('contribution_ceiling').set({ ...values, updated_at: sql<string>`trama_now()`, version: sql<number>`version + 1` }).where('municipality_code', '=', municipalityCode).execute();
    } else {
      await trx.insertInto('contribution_ceiling').values({ municipality_code: municipalityCode, ...values }).execute();
    }
    const [saved] = (await listCeilings(trx, actor)).filter((c) => c.municipalityCode === municipalityCode);
    if (!saved) throw notFound();
    await recordAdminChange(trx, actor, {
      entityType: 'contribution_ceiling',
      entityId: municipalityCode,
      action: current ? 'update' : 'create',
      before: current ? before : null,
      after: saved,
      municipalityCodes: [municipalityCode],
    });
    return saved;
  });
}
