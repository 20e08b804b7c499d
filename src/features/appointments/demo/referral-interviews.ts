import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { DemoAppointment, DemoRoom } from './appointments-demo.ts';
import { workingDaysFrom } from '../../../demo/demo-time.ts';
import { romeDate } from '../../../platform/time/rome.ts';
import { romeHour, SLOT_HOURS, type SlotBook } from './demo-calendar.ts';
import '../../accesses/accesses.tables.ts';

interface Options {
  workers: string[];
  desk: string;
  rooms: DemoRoom[];
  slots: SlotBook;
  random: () => number;
  /** The demo's today: interviews before it were held, the others are booked. */
  today: string;
  /** No interview is booked after this day. */
  lastDay: string;
}

/** Share of referrals that get a first interview in the demo; the rest stay waiting. */
const BOOKED_SHARE = 0.8;

/**
 * First interviews for the referrals the accesses demo created (none if it did not run): booked a few
 * days to a few weeks after the referral, held when that is in the past, with the referral's
 * first_interview_at and assignment set as marking it held does.
 */
export async function bookReferrals(trx: Db, options: Options): Promise<DemoAppointment[]> {
  const { workers, rooms, slots, random, today, lastDay } = options;
  const items = await trx
    .selectFrom('intake_item as i')
    .innerJoin('access_person as ap', 'ap.access_id', 'i.access_id')
    .select(['i.id', 'i.access_id', 'i.municipality_code', 'i.referred_at', 'i.status', 'i.assigned_to', 'ap.person_id'])
    .where('i.first_interview_at', 'is', null)
    .where('i.status', 'in', ['waiting', 'assigned'])
    .where('ap.involvement', '=', 'beneficiary')
    .orderBy('i.referred_at')
    .execute();
  const seen = new Set<string>();
  const appointments: DemoAppointment[] = [];
  for (const item of items) {
    if (seen.has(item.id) || random() > BOOKED_SHARE) continue;
    seen.add(item.id);
    const worker = item.assigned_to && workers.includes(item.assigned_to) ? item.assigned_to : workers[Math.floor(random() * workers.length)]!;
    const room = rooms.find((r) => r.municipality_code === item.municipality_code && !r.is_protected) ?? null;
    const referred = romeDate(item.referred_at);
    // 2 to 47 calendar days later, counted in working days (the same wait on any date).
    const delay = Math.max(1, Math.round(((2 + Math.floor(random() * random() * 45)) * 5) / 7));
    let start: Date | null = null;
    let startDay = '';
    for (let extra = 0; extra < 14 && !start; extra += 1) {
      const day = workingDaysFrom(referred, -(delay + extra));
      if (day > lastDay) continue;
      const candidate = romeHour(day, SLOT_HOURS[Math.floor(random() * SLOT_HOURS.length)]!);
      if (slots.take([worker, room?.id ?? null], candidate)) {
        start = candidate;
        startDay = day;
      }
    }
    if (!start) continue;
    const held = startDay < today;
    appointments.push({
      municipality_code: item.municipality_code,
      person_id: item.person_id,
      worker_id: worker,
      room_id: room?.id ?? null,
      colleague_on_call_id: null,
      kind: room ? 'first_interview' : 'home_visit',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
      status: held ? 'held' : 'scheduled',
      intake_item_id: item.id,
      access_id: item.access_id,
      cancel_reason: null,
      notes: null,
      booked_by: options.desk,
    });
    if (held) {
      const waiting = item.status === 'waiting';
      await trx
        .updateTable('intake_item')
        .set({
          first_interview_at: start.toISOString(),
          ...(waiting ? { status: 'assigned' as const, assigned_to: worker, assigned_by: options.desk, assigned_at: start.toISOString() } : {}),
          version: sql<number>`version + 1`,
        })
        .where('id', '=', item.id)
        .execute();
    }
  }
  return appointments;
}
