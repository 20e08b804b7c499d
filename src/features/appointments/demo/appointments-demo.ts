import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { mulberry32 } from '../../registry/demo/person-generator.ts';
import type { Insertable } from 'kysely';
import type { AppointmentKind, AppointmentStatus } from '../appointments.codes.ts';
import type { AppointmentTable } from '../appointments.tables.ts';
import { workingDaysFrom } from '../../../demo/demo-time.ts';
import { romeHour, SLOT_HOURS, SlotBook } from './demo-calendar.ts';
import { bookReferrals } from './referral-interviews.ts';
import '../appointments.tables.ts';

const OFFICES = [
  { name: 'Servizio sociale – Castel Maggiore', municipality: '037019', address: 'Via Matteotti 10, 40013 Castel Maggiore', rooms: [['Stanza colloqui 1', false], ['Stanza colloqui 2', false], ['Stanza protetta', true]] },
  { name: 'Servizio sociale – San Giorgio di Piano', municipality: '037052', address: 'Via della Libertà 35, 40016 San Giorgio di Piano', rooms: [['Sala colloqui', false], ['Stanza protetta B', true]] },
  { name: 'Sportello sociale – Argelato', municipality: '037002', address: 'Via Argelati 4, 40050 Argelato', rooms: [['Sala colloqui', false]] },
  { name: 'Sportello sociale – Pieve di Cento', municipality: '037048', address: 'Piazza Andrea Costa 17, 40066 Pieve di Cento', rooms: [['Stanza colloqui', false]] },
] as const;

export interface DemoRoom {
  id: string;
  municipality_code: string;
  is_protected: boolean;
}

/** An appointment row as the demo writes it: every column given. */
export type DemoAppointment = Required<Omit<Insertable<AppointmentTable>, 'id' | 'version' | 'created_at' | 'updated_at'>>;

/** Working days of calendar before today (about four months) and after it (two weeks). */
const PAST_WORKING_DAYS = 86;
const FUTURE_WORKING_DAYS = 10;

/**
 * Offices and rooms in four towns of the Union (protected rooms in Castel Maggiore and San Giorgio),
 * two persons flagged for staff safety, the calendars of assistente and assistente2 over the past four
 * months and the next two weeks, and first interviews for the referrals of the accesses demo.
 */
export async function appointmentsDemo(trx: Db, context: DemoContext): Promise<void> {
  const offices = OFFICES.filter((office) => context.unionCodes.includes(office.municipality));
  const rooms: DemoRoom[] = [];
  for (const office of offices) {
    const row = await trx.insertInto('office').values({ municipality_code: office.municipality, name: office.name, address: office.address }).returning('id').executeTakeFirstOrThrow();
    rooms.push(
      ...(await trx
        .insertInto('room')
        .values(office.rooms.map(([name, isProtected]) => ({ office_id: row.id, municipality_code: office.municipality, name, is_protected: isProtected })))
        .returning(['id', 'municipality_code', 'is_protected'])
        .execute()),
    );
  }
  const workers = [context.userIds.assistente, context.userIds.assistente2].filter((id): id is string => Boolean(id));
  const desk = context.userIds.sportello ?? workers[0];
  if (workers.length < 2 || !desk || context.personIds.length === 0) return;

  const persons = await trx.selectFrom('person').select(['id', 'municipality_code']).where('id', 'in', context.personIds).orderBy('fiscal_code').execute();
  const withOffice = persons.filter((p) => rooms.some((r) => r.municipality_code === p.municipality_code));
  const flagged = withOffice.filter((p) => p.municipality_code === context.homeMunicipalityCode).slice(0, 2);
  const reasons = ['Minacce verbali all’operatrice durante l’ultimo colloquio.', 'Comportamento aggressivo segnalato dal servizio specialistico.'];
  if (flagged.length) {
    await trx
      .insertInto('person_safety_flag')
      .values(flagged.map((p, i) => ({ person_id: p.id, municipality_code: p.municipality_code, reason: reasons[i % reasons.length]!, set_by: workers[i % 2]! })))
      .execute();
  }
  const flaggedIds = new Set(flagged.map((p) => p.id));
  const random = mulberry32(context.seed + 4);
  const slots = new SlotBook();
  const { today } = context;
  const appointments: DemoAppointment[] = [];

  const referralAppointments = await bookReferrals(trx, { workers, desk, rooms, slots, random, today, lastDay: workingDaysFrom(today, -FUTURE_WORKING_DAYS) });
  const pool = withOffice.length ? withOffice : persons;
  // Working days, not calendar days: the same calendar (and the same random draws) on any date. Today
  // counts as a working day, so its appointments are there even on a Sunday, and are all still to be held.
  for (let offset = -PAST_WORKING_DAYS; offset <= FUTURE_WORKING_DAYS; offset += 1) {
    const day = workingDaysFrom(today, -offset);
    for (const [w, worker] of workers.entries()) {
      for (let n = 0; n < 2; n += 1) {
        const person = n === 0 && Math.abs(offset) % 9 === w && flagged[w] ? flagged[w] : pool[Math.floor(random() * pool.length)]!;
        const isFlagged = flaggedIds.has(person.id);
        const kind: AppointmentKind = isFlagged ? 'interview' : (['interview', 'interview', 'home_visit', 'phone_call', 'other'] as const)[Math.floor(random() * 5)]!;
        const roomChoices = rooms.filter((r) => r.municipality_code === person.municipality_code && (!isFlagged || r.is_protected));
        const room = kind === 'home_visit' || kind === 'phone_call' ? null : (roomChoices[Math.floor(random() * roomChoices.length)] ?? null);
        if (!room && kind !== 'home_visit' && kind !== 'phone_call') continue;
        const start = romeHour(day, SLOT_HOURS[Math.floor(random() * SLOT_HOURS.length)]!);
        if (!slots.take([worker, room?.id ?? null], start)) continue;
        const past = day < today;
        const roll = random();
        const status: AppointmentStatus = !past ? 'scheduled' : roll < 0.8 ? 'held' : roll < 0.9 ? 'no_show' : 'cancelled';
        appointments.push({
          municipality_code: person.municipality_code,
          person_id: person.id,
          worker_id: worker,
          room_id: room?.id ?? null,
          colleague_on_call_id: isFlagged ? workers[(w + 1) % 2]! : null,
          kind,
          starts_at: start.toISOString(),
          ends_at: new Date(start.getTime() + (kind === 'phone_call' ? 30 : 60) * 60_000).toISOString(),
          status,
          intake_item_id: null,
          access_id: null,
          cancel_reason: status === 'cancelled' ? 'Rinviato su richiesta della persona' : null,
          notes: null,
          booked_by: desk,
        });
      }
    }
  }
  const all = [...referralAppointments, ...appointments];
  for (let i = 0; i < all.length; i += 500) await trx.insertInto('appointment').values(all.slice(i, i + 500)).execute();
}
