import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { openDemoCases } from '../../cases/demo/open-demo-cases.ts';
import { addCalendarDays, computeDeadline, type SuspensionSpan } from '../deadline.ts';
import type { ProcedureOutcome } from '../procedures.codes.ts';
import '../procedures.tables.ts';
import '../../cases/cases.tables.ts';
import '../../case-settings/case-settings.tables.ts';

interface DemoProcedure {
  subject: string;
  /** Days before today the request was received. */
  startedDaysAgo: number;
  suspensions: { reason: string; from: number; to: number | null }[];
  decision?: { outcome: ProcedureOutcome; daysAfterStart: number; note: string };
}

/** A spread that fills the worklist: overdue, near the deadline, suspended, running, decided. */
const PROCEDURES: DemoProcedure[] = [
  { subject: 'Domanda di contributo economico straordinario per utenze', startedDaysAgo: 45, suspensions: [] },
  { subject: 'Richiesta di assistenza domiciliare (SAD)', startedDaysAgo: 26, suspensions: [] },
  { subject: 'Domanda di inserimento in centro diurno', startedDaysAgo: 40, suspensions: [{ reason: 'Richiesta certificazione ISEE aggiornata', from: 20, to: null }] },
  { subject: 'Richiesta di pasti a domicilio', startedDaysAgo: 60, suspensions: [{ reason: 'In attesa del parere della commissione UVM', from: 10, to: 25 }] },
  { subject: 'Domanda di esenzione dalla retta del nido', startedDaysAgo: 10, suspensions: [] },
  { subject: 'Richiesta di trasporto sociale per terapie', startedDaysAgo: 50, suspensions: [], decision: { outcome: 'granted', daysAfterStart: 21, note: 'Trasporto accordato due volte a settimana.' } },
];

/**
 * Procedures on the demo cases of assistente and assistente2 (one per case, first open cases), and two
 * cases left without activity for 90 days, so the worklist and the header counter are not empty.
 */
export async function proceduresDemo(trx: Db, context: DemoContext): Promise<void> {
  const owners = [context.userIds.assistente, context.userIds.assistente2].filter((id): id is string => Boolean(id));
  if (owners.length === 0) return;
  const cases = await openDemoCases(trx, owners, PROCEDURES.length + 4);
  const types = await trx.selectFrom('procedure_type').select(['id', 'legal_deadline_days']).where('is_active', '=', true).orderBy('code').execute();
  if (cases.length === 0 || types.length === 0) return;
  const day = context.today;
  for (const [index, demo] of PROCEDURES.entries()) {
    const target = cases[index % cases.length]!;
    const type = types.find((t) => t.legal_deadline_days === 30) ?? types[index % types.length]!;
    const startedOn = addCalendarDays(day, -demo.startedDaysAgo);
    const suspensions: (SuspensionSpan & { reason: string })[] = demo.suspensions.map((s) => ({
      reason: s.reason,
      startsOn: addCalendarDays(startedOn, s.from),
      endsOn: s.to === null ? null : addCalendarDays(startedOn, s.to),
    }));
    const deadline = computeDeadline({ startedOn, legalDays: type.legal_deadline_days, suspensions });
    const created = await trx
      .insertInto('case_procedure')
      .values({
        case_id: target.id,
        municipality_code: target.municipality_code,
        procedure_type_id: type.id,
        subject: demo.subject,
        started_on: startedOn,
        legal_days: type.legal_deadline_days,
        due_on: deadline.dueOn,
        suspended_since: deadline.pausedSince,
        outcome: demo.decision?.outcome ?? null,
        decided_on: demo.decision ? addCalendarDays(startedOn, demo.decision.daysAfterStart) : null,
        decision_note: demo.decision?.note ?? null,
        created_by: target.owner_id,
        updated_by: target.owner_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (suspensions.length > 0) {
      await trx
        .insertInto('case_procedure_suspension')
        .values(suspensions.map((s) => ({ procedure_id: created.id, reason: s.reason, starts_on: s.startsOn, ends_on: s.endsOn, created_by: target.owner_id })))
        .execute();
    }
  }
  const idle = cases.slice(PROCEDURES.length, PROCEDURES.length + 2).map((c) => c.id);
  if (idle.length > 0) {
    await trx.updateTable('case_record').set({ last_activity_at: new Date(context.now.getTime() - 90 * 86_400_000).toISOString() }).where('id', 'in', idle).execute();
  }
}
