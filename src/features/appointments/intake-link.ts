import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppointmentRow } from './appointment-row.ts';
import '../accesses/accesses.tables.ts';

/** Kinds of appointment that count as the first interview of a referral once held (a phone call does not). */
const INTERVIEW_KINDS: readonly string[] = ['first_interview', 'interview', 'home_visit'];

/**
 * Timeliness: when an interview linked to a referral is held, the referral records when its first
 * interview took place (the earliest held), and a referral still only waiting is now in the hands of
 * the worker who held it (the intake_item CHECK wants assigned_to set whenever the status is not
 * 'waiting'). Runs in the transaction that marks the appointment held.
 */
export async function recordFirstInterview(trx: Db, actor: Actor, appointment: AppointmentRow): Promise<void> {
  if (!appointment.intake_item_id || !INTERVIEW_KINDS.includes(appointment.kind)) return;
  const startsAt = sql<string>`${appointment.starts_at}::timestamptz`;
  const waiting = sql<boolean>`status = 'waiting'`;
  await trx
    .updateTable('intake_item')
    .set({
      first_interview_at: sql<string>`LEAST(coalesce(first_interview_at, ${startsAt}), ${startsAt})`,
      status: sql`CASE WHEN ${waiting} THEN 'assigned' ELSE status END`,
      assigned_to: sql`CASE WHEN ${waiting} THEN ${appointment.worker_id}::uuid ELSE assigned_to END`,
      assigned_by: sql`CASE WHEN ${waiting} THEN ${actor.userId}::uuid ELSE assigned_by END`,
      assigned_at: sql`CASE WHEN ${waiting} THEN trama_now() ELSE assigned_at END`,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', appointment.intake_item_id)
    .execute();
}
