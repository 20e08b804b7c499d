import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord, inScope, scopeFor } from '../../platform/access/scope.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { INTAKE_READ } from '../accesses/permissions.ts';
import { caseScopes, fullAccessFilter } from './case-access.ts';
import { readFullCase } from './case-detail.ts';
import { listRows, selectCases } from './case-row.ts';
import type { CasePersonRole } from './cases.codes.ts';
import type { CaseDetail, CaseExistence, CaseListQuery, CaseListRow, CaseSummary, OpenCaseBody, OpenFromIntakeBody } from './cases.schemas.ts';
import { ownerAndTeam } from './owners.ts';
import { CASE_WRITE } from './permissions.ts';
import '../accesses/accesses.tables.ts';
import '../catalogue/catalogue.tables.ts';

/** The next human reference number of the year (2026/000123), under the counter's row lock. */
export async function nextReference(trx: Db): Promise<string> {
  const { rows } = await sql<{ year: number; last_number: number }>`
    INSERT INTO case_reference_counter (year, last_number) VALUES (extract(year from trama_today())::int, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = case_reference_counter.last_number + 1
    RETURNING year, last_number`.execute(trx);
  const { year, last_number } = rows[0]!;
  return `${year}/${String(last_number).padStart(6, '0')}`;
}

async function checkNeedAreas(trx: Db, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = await trx.selectFrom('need_area').select('code').where('code', 'in', codes).execute();
  if (found.length !== new Set(codes).size) {
    throw invalid('needAreaCodes', { it: 'Area di bisogno sconosciuta.', en: 'Unknown area of need.' });
  }
}

interface NewCase {
  municipalityCode: string;
  areaId: string | null;
  persons: { personId: string; role: CasePersonRole; municipalityCode: string }[];
  ownerId: string;
  teamId: string | null | undefined;
  needAreaCodes: string[];
  nextReviewOn: string | null;
  intakeItemId: string | null;
  reason: string;
}

/** Inserts the case, its persons and its first status, logs the creation per person, reads it back. */
async function insertCase(trx: Db, actor: Actor, input: NewCase): Promise<CaseDetail> {
  await checkNeedAreas(trx, input.needAreaCodes);
  const { ownerId, teamId } = await ownerAndTeam(trx, input, input.ownerId, input.teamId);
  const created = await trx
    .insertInto('case_record')
    .values({
      reference: await nextReference(trx),
      municipality_code: input.municipalityCode,
      area_id: input.areaId,
      owner_id: ownerId,
      team_id: teamId,
      intake_item_id: input.intakeItemId,
      need_area_codes: sql<string[]>`${input.needAreaCodes}::text[]`,
      next_review_on: input.nextReviewOn,
      opened_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_person')
    .values(input.persons.map((p) => ({ case_id: created.id, person_id: p.personId, role: p.role, municipality_code: p.municipalityCode, added_by: actor.userId })))
    .execute();
  await trx.insertInto('case_status_change').values({ case_id: created.id, from_status: null, to_status: 'open', reason: input.reason, changed_by: actor.userId }).execute();
  return readFullCase(trx, actor, created.id, 'create');
}

/** A social worker (or the manager) opens a case directly for registered persons of the territory. */
export async function openCase(db: Db, actor: Actor, body: OpenCaseBody): Promise<CaseDetail> {
  const ids = body.persons.map((p) => p.personId);
  if (new Set(ids).size !== ids.length) throw invalid('persons', { it: 'Una persona è indicata due volte.', en: 'A person is listed twice.' });
  if (!body.persons.some((p) => p.role === 'beneficiary')) {
    throw invalid('persons', { it: 'Indicare almeno un beneficiario.', en: 'Name at least one beneficiary.' });
  }
  const scope = scopeFor(actor, CASE_WRITE);
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('person as p').select(['p.id', 'p.municipality_code', 'p.area_id']).where('p.id', 'in', ids).where(inScope(scope, 'p.municipality_code', 'p.area_id')).execute();
    if (found.length !== ids.length) throw notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
    const byId = new Map(found.map((p) => [p.id, p]));
    const beneficiary = byId.get(body.persons.find((p) => p.role === 'beneficiary')!.personId)!;
    return insertCase(trx, actor, {
      municipalityCode: beneficiary.municipality_code,
      areaId: beneficiary.area_id,
      persons: body.persons.map((p) => ({ ...p, municipalityCode: byId.get(p.personId)!.municipality_code })),
      ownerId: body.ownerId ?? actor.userId,
      teamId: body.teamId,
      needAreaCodes: body.needAreaCodes,
      nextReviewOn: body.nextReviewOn ?? null,
      intakeItemId: null,
      reason: body.reason ?? 'Apertura diretta / Opened directly',
    });
  });
}

const ROLE_OF_INVOLVEMENT: Record<string, CasePersonRole> = { beneficiary: 'beneficiary', requester: 'other', other: 'other' };

/** Opens the case of a referral: the item becomes taken in charge in the same transaction. */
export async function openFromIntake(db: Db, actor: Actor, intakeId: string, body: OpenFromIntakeBody): Promise<CaseDetail> {
  const scope = scopeFor(actor, INTAKE_READ);
  const writeScope = scopeFor(actor, CASE_WRITE);
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('intake_item as i')
      .innerJoin('access_record as a', 'a.id', 'i.access_id')
      .select(['i.id', 'i.access_id', 'i.municipality_code', 'i.area_id', 'i.status', 'i.assigned_to', 'i.version', 'a.need_area_code'])
      .where('i.id', '=', intakeId)
      .where(inScope(scope, 'i.municipality_code', 'i.area_id'))
      .forUpdate('i')
      .executeTakeFirst();
    if (!item || !coversRecord(writeScope, item.municipality_code, item.area_id)) {
      throw notFound({ it: 'Elemento della coda non trovato nei territori di competenza.', en: 'Intake item not found in your territories.' });
    }
    if (item.version !== body.version) throw new AppError('VERSION_CONFLICT', { data: { current: { id: item.id, status: item.status, version: item.version } } });
    if (item.status !== 'waiting' && item.status !== 'assigned') {
      throw new AppError('CONFLICT', { message: { it: 'L’invio è già stato preso in carico o chiuso.', en: 'The referral has already been taken in charge or closed.' } });
    }
    const persons = await trx.selectFrom('access_person').select(['person_id', 'involvement', 'municipality_code']).where('access_id', '=', item.access_id).execute();
    if (persons.length === 0) {
      throw invalid('intakeItemId', {
        it: 'L’accesso non è ancora collegato a una persona registrata: collegarla prima di aprire il caso.',
        en: 'The access is not linked to a registered person yet: link the person before opening the case.',
      });
    }
    const roles = persons.map((p) => ROLE_OF_INVOLVEMENT[p.involvement] ?? 'other');
    if (!roles.includes('beneficiary')) roles[0] = 'beneficiary';
    const ownerId = body.ownerId ?? item.assigned_to ?? actor.userId;
    const detail = await insertCase(trx, actor, {
      municipalityCode: item.municipality_code,
      areaId: item.area_id,
      persons: persons.map((p, index) => ({ personId: p.person_id, role: roles[index]!, municipalityCode: p.municipality_code })),
      ownerId,
      teamId: body.teamId,
      needAreaCodes: body.needAreaCodes ?? [item.need_area_code],
      nextReviewOn: body.nextReviewOn ?? null,
      intakeItemId: item.id,
      reason: 'Presa in carico dall’invio / Taken in charge from the referral',
    });
    // An item taken in charge names its worker (the queue's rule): the case owner when it was unassigned.
    await trx
      .updateTable('intake_item')
      .set({
        status: 'taken_in_charge',
        assigned_to: item.assigned_to ?? ownerId,
        assigned_by: sql`coalesce(assigned_by, ${actor.userId}::uuid)`,
        assigned_at: sql`coalesce(assigned_at, trama_now())`,
        version: item.version + 1,
      })
      .where('id', '=', item.id)
      .execute();
    return detail;
  });
}

/** My cases, my team's, or the territory's: full rows where the actor may read, existence rows otherwise. */
export async function listCases(db: Db, actor: Actor, query: CaseListQuery): Promise<CaseListRow[]> {
  return db.transaction().execute(async (trx) => {
    let select = selectCases(trx, actor).where(inScope(caseScopes(actor).read, 'c.municipality_code', 'c.area_id'));
    if (query.scope === 'mine') select = select.where('c.owner_id', '=', actor.userId);
    if (query.scope === 'team') select = select.where(sql<boolean>`c.team_id IN (SELECT tm.team_id FROM team_member tm WHERE tm.user_id = ${actor.userId})`);
    if (query.status === 'active') select = select.where('c.status', '<>', 'closed');
    else if (query.status !== 'all') select = select.where('c.status', '=', query.status);
    if (query.reviewDue === 'true') select = select.where(sql<boolean>`c.next_review_on < trama_today()`);
    if (query.q) {
      const q = query.q;
      select = select.where((eb) =>
        eb.or([
          eb('c.reference', 'like', `%${q.replace(/[\\%_]/g, '')}%`),
          // Names match only on cases the actor may read: a name never reveals someone else's case.
          sql<boolean>`(${sql.ref('c.id')} IN (SELECT cp.case_id FROM case_person cp JOIN person p ON p.id = cp.person_id
            WHERE p.name_key LIKE trama_fold(${q.toLowerCase()}) || '%') AND ${fullAccessFilter(actor)})`,
        ]),
      );
    }
    const rows = await select.orderBy(sql`c.next_review_on IS NULL`).orderBy('c.next_review_on').orderBy('c.reference').limit(500).execute();
    return listRows(trx, actor, rows, 'search');
  });
}

/** The cases of a person, as the person page shows them: full rows or "a case exists, owner X, call Y". */
export async function personCases(db: Db, actor: Actor, personId: string): Promise<(CaseSummary | CaseExistence)[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await selectCases(trx, actor)
      .where(sql<boolean>`c.id IN (SELECT cp.case_id FROM case_person cp WHERE cp.person_id = ${personId})`)
      .orderBy('c.opened_at', 'desc')
      .execute();
    const shown = await listRows(trx, actor, rows, 'read');
    const existenceOnly = rows.filter((row) => !row.full);
    if (existenceOnly.length > 0) {
      const { exists } = caseScopes(actor);
      await writeAccessLog(trx, actor, exists, 'read', existenceOnly.map((row) => ({ personId, municipalityCode: row.municipality_code, recordType: 'case_existence', recordId: row.id })));
    }
    return shown;
  });
}
