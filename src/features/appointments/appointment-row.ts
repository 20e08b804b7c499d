import type { Actor } from '../../platform/access/actor.ts';
import type { Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Appointment } from './appointments.schemas.ts';
import './appointments.tables.ts';
import '../registry/registry.tables.ts';

/** The scoped accessor of appointments: every read starts here, so the territorial filter is always applied. */
export function scopedAppointments(db: Db, scope: Scope) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('app_user as w', 'w.id', 'a.worker_id')
    .leftJoin('app_user as c', 'c.id', 'a.colleague_on_call_id')
    .leftJoin('room as r', 'r.id', 'a.room_id')
    .leftJoin('office as o', 'o.id', 'r.office_id')
    .where(inScope(scope, 'a.municipality_code'))
    .select([
      'a.id',
      'a.municipality_code',
      'a.person_id',
      'p.family_name',
      'p.given_name',
      'p.area_id',
      'a.worker_id',
      'w.display_name as worker_name',
      'a.room_id',
      'r.name as room_name',
      'r.is_protected as room_protected',
      'o.name as office_name',
      'a.colleague_on_call_id',
      'c.display_name as colleague_name',
      'a.kind',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.access_id',
      'a.intake_item_id',
      'a.notes',
      'a.cancel_reason',
      'a.version',
    ]);
}

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof scopedAppointments>['executeTakeFirstOrThrow']>>;

export const toAppointment = (row: AppointmentRow): Appointment => ({
  id: row.id,
  municipalityCode: row.municipality_code,
  personId: row.person_id,
  personName: `${row.family_name} ${row.given_name}`,
  workerId: row.worker_id,
  workerName: row.worker_name,
  roomId: row.room_id,
  roomName: row.room_name,
  roomProtected: row.room_protected,
  officeName: row.office_name,
  colleagueOnCallId: row.colleague_on_call_id,
  colleagueOnCallName: row.colleague_name,
  kind: row.kind,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
  accessId: row.access_id,
  intakeItemId: row.intake_item_id,
  notes: row.notes,
  cancelReason: row.cancel_reason,
  version: row.version,
});

/** One access-log row per appointment read or written (recordType 'appointment', the person it concerns). */
export const logAppointments = (trx: Db, actor: Actor, scope: Scope, action: AccessAction, rows: readonly AppointmentRow[]) =>
  writeAccessLog(
    trx,
    actor,
    scope,
    action,
    rows.map((row) => ({ personId: row.person_id, municipalityCode: row.municipality_code, areaId: row.area_id, recordType: 'appointment', recordId: row.id })),
  );

/** An instant as Italians read it in a message: day and time in Italy. */
export function romeTime(iso: string, language: 'it' | 'en', withDate = true): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: 'Europe/Rome',
    ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
