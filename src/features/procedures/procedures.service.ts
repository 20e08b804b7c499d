import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { fullAccessFilter, logCaseAccess, touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import { today } from '../households/household-rules.ts';
import { checkProcedureDates, computeDeadline, daysBetween, daysRemaining, decidedInTime, procedureState, type SuspensionSpan } from './deadline.ts';
import type { ProcedureOutcome } from './procedures.codes.ts';
import { nearDeadlineDaysSql } from '../case-settings/thresholds.ts';
import type { AddSuspensionBody, DeadlineQuery, DeadlineRow, DecisionBody, EndSuspensionBody, Procedure, StartProcedureBody, UpdateProcedureBody } from './procedures.schemas.ts';
import './procedures.tables.ts';
import '../case-settings/case-settings.tables.ts';

export const RECORD_TYPE = 'case_procedure';

const procedureNotFound = () => notFound({ it: 'Procedimento non trovato in questo caso.', en: 'Procedure not found in this case.' });
const noFutureDate = (field: string) => invalid(field, { it: 'La data non può essere futura.', en: 'The date cannot be in the future.' });
const alreadyDecided = () =>
  new AppError('CONFLICT', { message: { it: 'Il procedimento è già concluso con la decisione finale.', en: 'The procedure is already closed by its final decision.' } });

async function readProcedures(trx: Db, caseId: string, procedureId?: string): Promise<Procedure[]> {
  let query = trx
    .selectFrom('case_procedure as p')
    .innerJoin('procedure_type as t', 't.id', 'p.procedure_type_id')
    .innerJoin('app_user as u', 'u.id', 'p.created_by')
    .selectAll('p')
    .select(['t.code as type_code', 't.name as type_name', 'u.display_name as created_by_name', nearDeadlineDaysSql.as('near_days')])
    .where('p.case_id', '=', caseId)
    .orderBy('p.started_on', 'desc')
    .orderBy('p.created_at', 'desc');
  if (procedureId) query = query.where('p.id', '=', procedureId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const suspensions = await trx
    .selectFrom('case_procedure_suspension')
    .selectAll()
    .where('procedure_id', 'in', rows.map((r) => r.id))
    .orderBy('starts_on')
    .execute();
  const day = today();
  return rows.map((row) => {
    const deadline = { dueOn: row.due_on, pausedSince: row.suspended_since };
    return {
      id: row.id,
      caseId: row.case_id,
      procedureType: { id: row.procedure_type_id, code: row.type_code, name: row.type_name },
      subject: row.subject,
      startedOn: row.started_on,
      legalDays: row.legal_days,
      dueOn: row.due_on,
      pausedSince: row.suspended_since,
      daysRemaining: daysRemaining(deadline, day, row.decided_on),
      state: procedureState(deadline, day, row.decided_on, row.near_days),
      suspensions: suspensions
        .filter((s) => s.procedure_id === row.id)
        .map((s) => ({ id: s.id, reason: s.reason, startsOn: s.starts_on, endsOn: s.ends_on, days: s.ends_on ? daysBetween(s.starts_on, s.ends_on) : null })),
      outcome: row.outcome,
      decidedOn: row.decided_on,
      decisionNote: row.decision_note,
      decidedInTime: row.decided_on ? decidedInTime(row.due_on, row.decided_on) : null,
      version: row.version,
      createdBy: { id: row.created_by, displayName: row.created_by_name },
      updatedAt: row.updated_at,
    };
  });
}

export function listProcedures(db: Db, actor: Actor, caseId: string): Promise<Procedure[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, (trx) => readProcedures(trx, caseId));
}

function notInFuture(field: string, ...dates: (string | null | undefined)[]): void {
  const day = today();
  if (dates.some((d) => d && d > day)) throw noFutureDate(field);
}

export function startProcedure(db: Db, actor: Actor, caseId: string, body: StartProcedureBody): Promise<Procedure> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: RECORD_TYPE, lock: true }, async (trx, record) => {
    notInFuture('startedOn', body.startedOn);
    const type = await trx.selectFrom('procedure_type').select(['id', 'legal_deadline_days']).where('id', '=', body.procedureTypeId).where('is_active', '=', true).executeTakeFirst();
    if (!type) throw invalid('procedureTypeId', { it: 'Tipo di procedimento sconosciuto o non più in uso.', en: 'Unknown or retired procedure type.' });
    const deadline = computeDeadline({ startedOn: body.startedOn, legalDays: type.legal_deadline_days, suspensions: [] });
    const created = await trx
      .insertInto('case_procedure')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        procedure_type_id: type.id,
        subject: body.subject,
        started_on: body.startedOn,
        legal_days: type.legal_deadline_days,
        due_on: deadline.dueOn,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return (await readProcedures(trx, caseId, created.id))[0]!;
  });
}

interface Draft {
  subject: string;
  startedOn: string;
  outcome: ProcedureOutcome | null;
  decidedOn: string | null;
  decisionNote: string | null;
  suspensions: (SuspensionSpan & { id?: string; reason: string })[];
}

/**
 * The one path of every change to a procedure: lock, version check (412 with the current procedure),
 * the change on a draft, the date rules (400), the deadline computed again, version + 1, case activity.
 */
async function reviseProcedure(db: Db, actor: Actor, caseId: string, procedureId: string, version: number, change: (draft: Draft) => void): Promise<Procedure> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: RECORD_TYPE, lock: true }, async (trx) => {
    const row = await trx.selectFrom('case_procedure').selectAll().where('id', '=', procedureId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!row) throw procedureNotFound();
    if (row.version !== version) return { conflict: (await readProcedures(trx, caseId, procedureId))[0]! };
    const stored = await trx.selectFrom('case_procedure_suspension').selectAll().where('procedure_id', '=', procedureId).orderBy('starts_on').execute();
    const draft: Draft = {
      subject: row.subject,
      startedOn: row.started_on,
      outcome: row.outcome,
      decidedOn: row.decided_on,
      decisionNote: row.decision_note,
      suspensions: stored.map((s) => ({ id: s.id, reason: s.reason, startsOn: s.starts_on, endsOn: s.ends_on })),
    };
    change(draft);
    const problem = checkProcedureDates(draft);
    if (problem) throw invalid(problem.field, problem.message);
    const deadline = computeDeadline({ startedOn: draft.startedOn, legalDays: row.legal_days, suspensions: draft.suspensions });
    await trx
      .updateTable('case_procedure')
      .set({
        subject: draft.subject,
        started_on: draft.startedOn,
        due_on: deadline.dueOn,
        suspended_since: deadline.pausedSince,
        outcome: draft.outcome,
        decided_on: draft.decidedOn,
        decision_note: draft.decisionNote,
        version: version + 1,
        updated_at: sql<string>`trama_now()`,
        updated_by: actor.userId,
      })
      .where('id', '=', procedureId)
      .execute();
    for (const s of draft.suspensions) {
      if (s.id) await trx.updateTable('case_procedure_suspension').set({ ends_on: s.endsOn }).where('id', '=', s.id).execute();
      else await trx.insertInto('case_procedure_suspension').values({ procedure_id: procedureId, reason: s.reason, starts_on: s.startsOn, ends_on: s.endsOn, created_by: actor.userId }).execute();
    }
    await touchCaseActivity(trx, caseId);
    return { saved: (await readProcedures(trx, caseId, procedureId))[0]! };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

const requireOpen = (draft: Draft) => {
  if (draft.decidedOn) throw alreadyDecided();
};

export function updateProcedure(db: Db, actor: Actor, caseId: string, procedureId: string, body: UpdateProcedureBody): Promise<Procedure> {
  notInFuture('startedOn', body.startedOn);
  return reviseProcedure(db, actor, caseId, procedureId, body.version, (draft) => {
    if (body.subject !== undefined) draft.subject = body.subject;
    if (body.startedOn !== undefined) draft.startedOn = body.startedOn;
  });
}

export function addSuspension(db: Db, actor: Actor, caseId: string, procedureId: string, body: AddSuspensionBody): Promise<Procedure> {
  notInFuture('startsOn', body.startsOn);
  notInFuture('endsOn', body.endsOn);
  return reviseProcedure(db, actor, caseId, procedureId, body.version, (draft) => {
    requireOpen(draft);
    draft.suspensions.push({ reason: body.reason, startsOn: body.startsOn, endsOn: body.endsOn });
  });
}

export function endSuspension(db: Db, actor: Actor, caseId: string, procedureId: string, suspensionId: string, body: EndSuspensionBody): Promise<Procedure> {
  notInFuture('endsOn', body.endsOn);
  return reviseProcedure(db, actor, caseId, procedureId, body.version, (draft) => {
    requireOpen(draft);
    const open = draft.suspensions.find((s) => s.id === suspensionId);
    if (!open) throw notFound({ it: 'Sospensione non trovata.', en: 'Suspension not found.' });
    if (open.endsOn !== null) throw new AppError('CONFLICT', { message: { it: 'La sospensione è già terminata.', en: 'The suspension has already ended.' } });
    open.endsOn = body.endsOn;
  });
}

export function recordDecision(db: Db, actor: Actor, caseId: string, procedureId: string, body: DecisionBody): Promise<Procedure> {
  notInFuture('decidedOn', body.decidedOn);
  return reviseProcedure(db, actor, caseId, procedureId, body.version, (draft) => {
    requireOpen(draft);
    draft.outcome = body.outcome;
    draft.decidedOn = body.decidedOn;
    draft.decisionNote = body.note || null;
  });
}

/**
 * Procedures past their deadline or within `withinDays` of it, not suspended nor decided, on the cases
 * the actor fully sees (the manager: the territory; a social worker: own and team cases), most urgent
 * first. Reads of the cases listed are logged.
 */
export function deadlineList(db: Db, actor: Actor, query: DeadlineQuery): Promise<DeadlineRow[]> {
  return db.transaction().execute(async (trx) => {
    const day = today();
    const rows = await trx
      .selectFrom('case_procedure as p')
      .innerJoin('case_record as c', 'c.id', 'p.case_id')
      .innerJoin('procedure_type as t', 't.id', 'p.procedure_type_id')
      .innerJoin('app_user as o', 'o.id', 'c.owner_id')
      .select(['p.id', 'p.case_id', 'c.reference', 'c.owner_id', 'o.display_name', 't.name as type_name', 'p.subject', 'p.started_on', 'p.due_on'])
      .where('p.decided_on', 'is', null)
      .where('p.suspended_since', 'is', null)
      .where('p.due_on', '<=', sql<string>`${day}::date + ${query.withinDays === undefined ? nearDeadlineDaysSql : sql`${query.withinDays}::int`}`)
      .where(fullAccessFilter(actor))
      .orderBy('p.due_on')
      .limit(500)
      .execute();
    await logCaseAccess(trx, actor, [...new Set(rows.map((r) => r.case_id))], 'read', RECORD_TYPE);
    return rows.map((r) => {
      const left = daysBetween(day, r.due_on);
      return {
        procedureId: r.id,
        caseId: r.case_id,
        caseReference: r.reference,
        owner: { id: r.owner_id, displayName: r.display_name },
        procedureTypeName: r.type_name,
        subject: r.subject,
        startedOn: r.started_on,
        dueOn: r.due_on,
        daysRemaining: left,
        state: left < 0 ? ('overdue' as const) : ('near' as const),
      };
    });
  });
}
