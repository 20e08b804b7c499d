import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor, type Scope } from '../../platform/access/scope.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { logAppointments, scopedAppointments, toAppointment } from './appointment-row.ts';
import type { Appointment, BookingInput, CalendarQuery, PersonAppointments, StatusChange } from './appointments.schemas.ts';
import { checkBooking, clashError, findClash, roomName, userName } from './booking-rules.ts';
import { APPOINTMENT_READ, APPOINTMENT_WRITE } from './permissions.ts';
import { personInScope } from './safety-flag.service.ts';
import { recordFirstInterview } from './intake-link.ts';
import { clock } from '../../platform/time/clock.ts';

const appointmentNotFound = () => notFound({ it: 'Appuntamento non trovato nei territori di competenza.', en: 'Appointment not found in your territories.' });
/** Longest calendar range one request may read. */
const MAX_CALENDAR_DAYS = 42;
const EXCLUSION_VIOLATION = '23P01';

/** Midnight in Italy at the start of a day, as an SQL instant. */
export const romeMidnight = (date: string, plusDays = 0) => sql<string>`((${date}::date + ${plusDays}::int)::timestamp AT TIME ZONE 'Europe/Rome')`;

async function readOne(trx: Db, actor: Actor, scope: Scope, id: string, action: 'read' | 'create' | 'update'): Promise<Appointment> {
  const row = await scopedAppointments(trx, scope).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw appointmentNotFound();
  await logAppointments(trx, actor, scope, action, [row]);
  return toAppointment(row);
}

export async function getAppointment(db: Db, actor: Actor, id: string): Promise<Appointment> {
  const scope = scopeFor(actor, APPOINTMENT_READ);
  return db.transaction().execute((trx) => readOne(trx, actor, scope, id, 'read'));
}

export async function bookAppointment(db: Db, actor: Actor, input: BookingInput): Promise<Appointment> {
  const scope = scopeFor(actor, APPOINTMENT_WRITE);
  try {
    return await db.transaction().execute(async (trx) => {
      const checked = await checkBooking(trx, scope, input);
      const clash = await findClash(trx, input, checked.roomId);
      if (clash) throw clash;
      const row = await trx
        .insertInto('appointment')
        .values({
          municipality_code: checked.municipalityCode,
          person_id: checked.person.id,
          worker_id: input.workerId,
          room_id: checked.roomId,
          colleague_on_call_id: input.colleagueOnCallId ?? null,
          kind: input.kind,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          access_id: checked.accessId,
          intake_item_id: checked.intakeItemId,
          notes: input.notes ?? null,
          booked_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return readOne(trx, actor, scope, row.id, 'create');
    });
  } catch (error) {
    // Two bookings racing past the check above: the exclusion constraints let only one commit.
    if ((error as { code?: string }).code !== EXCLUSION_VIOLATION) throw error;
    const constraint = (error as { constraint?: string }).constraint ?? (error as { message?: string }).message ?? '';
    if (constraint.includes('room') && input.roomId) throw clashError('room', await roomName(db, input.roomId));
    throw clashError('worker', await userName(db, input.workerId));
  }
}

export async function calendar(db: Db, actor: Actor, query: CalendarQuery): Promise<Appointment[]> {
  if (!query.workerId && !query.roomId) {
    throw invalid('workerId', { it: 'Scegliere un’assistente sociale o una stanza.', en: 'Choose a social worker or a room.' });
  }
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days < 0) throw invalid('to', { it: 'La data finale deve seguire quella iniziale.', en: 'The end date must follow the start date.' });
  if (days >= MAX_CALENDAR_DAYS) {
    throw invalid('to', { it: `Si possono leggere al massimo ${MAX_CALENDAR_DAYS} giorni alla volta.`, en: `At most ${MAX_CALENDAR_DAYS} days can be read at once.` });
  }
  const scope = scopeFor(actor, APPOINTMENT_READ);
  return db.transaction().execute(async (trx) => {
    let select = scopedAppointments(trx, scope)
      .where('a.starts_at', '<', romeMidnight(query.to, 1))
      .where('a.ends_at', '>', romeMidnight(query.from))
      .orderBy('a.starts_at')
      .orderBy('a.id');
    if (query.workerId) select = select.where('a.worker_id', '=', query.workerId);
    if (query.roomId) select = select.where('a.room_id', '=', query.roomId);
    if (query.includeCancelled !== 'true') select = select.where('a.status', '!=', 'cancelled');
    const rows = await select.execute();
    await logAppointments(trx, actor, scope, 'read', rows);
    return rows.map(toAppointment);
  });
}

export async function personAppointments(db: Db, actor: Actor, personId: string): Promise<PersonAppointments> {
  const scope = scopeFor(actor, APPOINTMENT_READ);
  return db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, scope, personId);
    const rows = await scopedAppointments(trx, scope).where('a.person_id', '=', personId).orderBy('a.starts_at', 'desc').limit(200).execute();
    // Reading that a person has no appointments is a read of their data too.
    if (rows.length) await logAppointments(trx, actor, scope, 'read', rows);
    else await writeAccessLog(trx, actor, scope, 'read', [{ personId: person.id, municipalityCode: person.municipality_code, areaId: person.area_id, recordType: 'appointment', recordId: null }]);
    const now = clock.nowMs();
    const all = rows.map(toAppointment);
    const isUpcoming = (a: Appointment) => a.status === 'scheduled' && Date.parse(a.endsAt) >= now;
    return { upcoming: all.filter(isUpcoming).reverse(), past: all.filter((a) => !isUpcoming(a)) };
  });
}

export async function changeStatus(db: Db, actor: Actor, id: string, change: StatusChange): Promise<Appointment> {
  const scope = scopeFor(actor, APPOINTMENT_WRITE);
  return db.transaction().execute(async (trx) => {
    const current = await scopedAppointments(trx, scope).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
    if (!current) throw appointmentNotFound();
    if (current.version !== change.version) {
      throw new AppError('VERSION_CONFLICT', { data: { current: toAppointment(current) } });
    }
    if (current.status !== 'scheduled') {
      throw new AppError('CONFLICT', {
        message: { it: 'L’appuntamento non è più in programma: il suo stato non si può cambiare.', en: 'The appointment is no longer scheduled: its status cannot change.' },
      });
    }
    const reason = change.reason?.trim() || null;
    if (change.status === 'cancelled' && !reason) {
      throw invalid('reason', { it: 'Indicare il motivo dell’annullamento.', en: 'Give the reason for cancelling.' });
    }
    if (change.status !== 'cancelled' && Date.parse(current.starts_at) > clock.nowMs()) {
      throw invalid('status', { it: 'Un appuntamento non ancora iniziato non può essere segnato come svolto o mancato.', en: 'An appointment that has not started yet cannot be marked held or missed.' });
    }
    await trx
      .updateTable('appointment')
      .set({ status: change.status, cancel_reason: change.status === 'cancelled' ? reason : null, version: change.version + 1, updated_at: sql<string>`trama_now()` })
      .where('id', '=', id)
      .execute();
    if (change.status === 'held') await recordFirstInterview(trx, actor, current);
    return readOne(trx, actor, scope, id, 'update');
  });
}
