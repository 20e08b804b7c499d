import { sql } from 'kysely';
import { coversRecord, inScope, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { romeTime } from './appointment-row.ts';
import { MAX_APPOINTMENT_MINUTES, ROOMLESS_KINDS, type BookingInput } from './appointments.schemas.ts';
import { currentFlag, personInScope } from './safety-flag.service.ts';
import { socialWorkersCovering, staffOf } from './staff.service.ts';
import '../accesses/accesses.tables.ts';

/** The checked facts of a booking, ready to insert. */
export interface CheckedBooking {
  person: Awaited<ReturnType<typeof personInScope>>;
  municipalityCode: string;
  roomId: string | null;
  accessId: string | null;
  intakeItemId: string | null;
}

export function checkTimes(input: { startsAt: string; endsAt: string }): void {
  const minutes = (Date.parse(input.endsAt) - Date.parse(input.startsAt)) / 60_000;
  if (minutes <= 0) throw invalid('endsAt', { it: 'L’ora di fine deve essere successiva all’ora di inizio.', en: 'The end time must be after the start time.' });
  if (minutes > MAX_APPOINTMENT_MINUTES) {
    throw invalid('endsAt', {
      it: `Un appuntamento può durare al massimo ${MAX_APPOINTMENT_MINUTES / 60} ore.`,
      en: `An appointment can last at most ${MAX_APPOINTMENT_MINUTES / 60} hours.`,
    });
  }
}

async function checkRoom(trx: Db, input: BookingInput, municipalityCode: string, flagged: boolean) {
  if (!input.roomId) {
    if (ROOMLESS_KINDS.includes(input.kind)) return null;
    throw invalid('roomId', { it: 'Scegliere la stanza del colloquio.', en: 'Choose the room for the interview.' });
  }
  const room = await trx.selectFrom('room').select(['id', 'municipality_code', 'is_protected', 'is_active', 'name']).where('id', '=', input.roomId).executeTakeFirst();
  if (!room || room.municipality_code !== municipalityCode || !room.is_active) {
    throw invalid('roomId', {
      it: 'La stanza non è attiva o non appartiene a una sede del comune dell’appuntamento.',
      en: 'The room is not active or does not belong to an office of the appointment’s municipality.',
    });
  }
  if (flagged && !room.is_protected) {
    throw new AppError('CONFLICT', {
      details: [{ path: 'roomId', message: 'Persona segnalata per la sicurezza del personale: prenotare una stanza protetta.', messageEn: 'Person flagged for staff safety: book a protected room.' }],
      message: {
        it: `La stanza «${room.name}» non è protetta: per una persona segnalata per la sicurezza del personale si possono prenotare solo stanze protette.`,
        en: `Room “${room.name}” is not protected: for a person flagged for staff safety only protected rooms can be booked.`,
      },
    });
  }
  return room.id;
}

async function checkColleague(trx: Db, input: BookingInput, municipalityCode: string, flagged: boolean): Promise<void> {
  const colleagueId = input.colleagueOnCallId ?? null;
  if (!colleagueId) {
    if (!flagged) return;
    throw invalid('colleagueOnCallId', {
      it: 'Persona segnalata per la sicurezza del personale: indicare un collega reperibile durante l’appuntamento.',
      en: 'Person flagged for staff safety: name a colleague on call during the appointment.',
    });
  }
  if (colleagueId === input.workerId) {
    throw invalid('colleagueOnCallId', { it: 'Il collega reperibile deve essere diverso dall’assistente sociale.', en: 'The colleague on call must not be the social worker.' });
  }
  if ((await staffOf(trx, municipalityCode, [colleagueId])).length === 0) {
    throw invalid('colleagueOnCallId', {
      it: 'Il collega indicato non lavora nel territorio dell’appuntamento.',
      en: 'The colleague given does not work in the appointment’s territory.',
    });
  }
}

async function checkLinks(trx: Db, scope: Scope, input: BookingInput) {
  let accessId = input.accessId ?? null;
  const intakeItemId = input.intakeItemId ?? null;
  if (intakeItemId) {
    const item = await trx.selectFrom('intake_item').select(['access_id']).where('id', '=', intakeItemId).where(inScope(scope, 'municipality_code', 'area_id')).executeTakeFirst();
    if (!item) throw invalid('intakeItemId', { it: 'Segnalazione non trovata nei territori di competenza.', en: 'Referral not found in your territories.' });
    if (accessId && accessId !== item.access_id) {
      throw invalid('accessId', { it: 'L’accesso non è quello della segnalazione indicata.', en: 'The access is not the one of the referral given.' });
    }
    accessId = item.access_id;
  } else if (accessId) {
    const access = await trx.selectFrom('access_record').select('id').where('id', '=', accessId).where(inScope(scope, 'municipality_code', 'area_id')).executeTakeFirst();
    if (!access) throw invalid('accessId', { it: 'Accesso non trovato nei territori di competenza.', en: 'Access not found in your territories.' });
  }
  return { accessId, intakeItemId };
}

/** Every rule of a booking except the clash, which clashes() and the exclusion constraints decide. */
export async function checkBooking(trx: Db, scope: Scope, input: BookingInput): Promise<CheckedBooking> {
  checkTimes(input);
  const person = await personInScope(trx, scope, input.personId, 'share');
  const municipalityCode = input.municipalityCode ?? person.municipality_code;
  if (!coversRecord(scope, municipalityCode, null) && !(municipalityCode === person.municipality_code && coversRecord(scope, municipalityCode, person.area_id))) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Il comune dell’appuntamento non è tra i territori di competenza.', en: 'The appointment’s municipality is not among your territories.' },
    });
  }
  if ((await socialWorkersCovering(trx, municipalityCode, [input.workerId])).length === 0) {
    throw invalid('workerId', {
      it: 'La persona indicata non è un’assistente sociale del territorio dell’appuntamento.',
      en: 'The person given is not a social worker of the appointment’s territory.',
    });
  }
  const flagged = Boolean(await currentFlag(trx, person.id));
  const roomId = await checkRoom(trx, input, municipalityCode, flagged);
  await checkColleague(trx, input, municipalityCode, flagged);
  return { person, municipalityCode, roomId, ...(await checkLinks(trx, scope, input)) };
}

type Clash = 'worker' | 'room';

export function clashError(what: Clash, name: string, other?: { starts_at: string; ends_at: string }) {
  const when = other ? { it: ` dalle ${romeTime(other.starts_at, 'it')} alle ${romeTime(other.ends_at, 'it', false)}`, en: ` from ${romeTime(other.starts_at, 'en')} to ${romeTime(other.ends_at, 'en', false)}` } : { it: ' in quell’orario', en: ' at that time' };
  const message =
    what === 'worker'
      ? { it: `${name} ha già un appuntamento${when.it}: scegliere un altro orario.`, en: `${name} already has an appointment${when.en}: choose another time.` }
      : { it: `La stanza «${name}» è già prenotata${when.it}: scegliere un’altra stanza o un altro orario.`, en: `Room “${name}” is already booked${when.en}: choose another room or time.` };
  return new AppError('CONFLICT', { message, details: [{ path: what === 'worker' ? 'workerId' : 'roomId', message: message.it, messageEn: message.en }] });
}

/** The first live appointment of the worker or room overlapping the interval (ranges are half-open: back-to-back is fine). */
export async function findClash(trx: Db, input: { workerId: string; startsAt: string; endsAt: string }, roomId: string | null): Promise<AppError | undefined> {
  const overlapping = (column: 'worker_id' | 'room_id', id: string) =>
    trx
      .selectFrom('appointment')
      .select(['starts_at', 'ends_at'])
      .where(column, '=', id)
      .where('status', 'in', ['scheduled', 'held'])
      .where(sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${input.startsAt}::timestamptz, ${input.endsAt}::timestamptz)`)
      .orderBy('starts_at')
      .executeTakeFirst();
  const worker = await overlapping('worker_id', input.workerId);
  if (worker) return clashError('worker', await userName(trx, input.workerId), worker);
  const room = roomId ? await overlapping('room_id', roomId) : undefined;
  if (room && roomId) return clashError('room', await roomName(trx, roomId), room);
  return undefined;
}

export const userName = async (trx: Db, id: string) => (await trx.selectFrom('app_user').select('display_name').where('id', '=', id).executeTakeFirstOrThrow()).display_name;
export const roomName = async (trx: Db, id: string) => (await trx.selectFrom('room').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
