import { login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Office } from './rooms.schemas.ts';
import '../accesses/accesses.tables.ts';
import './appointments.tables.ts';

export const CASTEL_MAGGIORE = '037019';
export const BOLOGNA = '037006';

/** Test-only helpers: users by username, an office with a plain and a protected room, referrals. */
export async function userId(db: Db, username: string): Promise<string> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Unflagged persons of Castel Maggiore from the demo registry, distinct for each call. */
export async function castelMaggiorePersons(db: Db, count: number, skip = 0): Promise<string[]> {
  const rows = await db
    .selectFrom('person')
    .select('id')
    .where('municipality_code', '=', CASTEL_MAGGIORE)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('person_safety_flag as f').select('f.id').whereRef('f.person_id', '=', 'person.id'))))
    .orderBy('id')
    .offset(skip)
    .limit(count)
    .execute();
  return rows.map((row) => row.id);
}

export async function createOfficeWithRooms(manager: Client, name: string, municipalityCode = CASTEL_MAGGIORE) {
  const office = await manager.json<Office>('POST', '/api/offices', { municipalityCode, name, address: 'Piazza Amendola 1' });
  if (office.status !== 200) throw new Error(`office: ${office.status} ${JSON.stringify(office.body)}`);
  const plain = await manager.json<{ id: string }>('POST', `/api/offices/${office.body.id}/rooms`, { name: 'Stanza 1' });
  const protectedRoom = await manager.json<{ id: string }>('POST', `/api/offices/${office.body.id}/rooms`, { name: 'Stanza protetta', isProtected: true });
  return { officeId: office.body.id, plainRoomId: plain.body.id, protectedRoomId: protectedRoom.body.id };
}

/** A referral access and its intake item, written directly (the accesses feature owns their API). */
export async function createReferral(db: Db, by: string, options: { municipalityCode?: string; referredAt: string; firstInterviewAt?: string | null; closedAt?: string }) {
  const municipalityCode = options.municipalityCode ?? CASTEL_MAGGIORE;
  const access = await db
    .insertInto('access_record')
    .values({
      municipality_code: municipalityCode,
      area_id: null,
      occurred_at: options.referredAt,
      channel: 'in_person',
      need_area_code: 'FAM',
      request: 'Richiesta di sostegno',
      anonymous_description: null,
      outcome: 'referral',
      outcome_service_id: null,
      outcome_notes: null,
      referral_urgency: 'ordinary',
      recorded_by: by,
      updated_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const interviewed = options.firstInterviewAt ?? null;
  const item = await db
    .insertInto('intake_item')
    .values({
      access_id: access.id,
      municipality_code: municipalityCode,
      area_id: null,
      urgency: 'ordinary',
      referred_at: options.referredAt,
      status: options.closedAt ? 'closed' : interviewed ? 'assigned' : 'waiting',
      assigned_to: interviewed ? by : null,
      assigned_by: interviewed ? by : null,
      assigned_at: interviewed ? options.referredAt : null,
      first_interview_at: interviewed,
      closed_at: options.closedAt ?? null,
      close_reason: options.closedAt ? 'Non più necessario: la persona si è trasferita' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accessId: access.id, intakeItemId: item.id };
}

export async function clients(t: TestApp, usernames: readonly string[]): Promise<Record<string, Client>> {
  const entries = await Promise.all(usernames.map(async (name) => [name, await login(t.app, name)] as const));
  return Object.fromEntries(entries);
}

export async function logCount(db: Db, personId: string, recordType: string, action?: string): Promise<number> {
  let query = db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).where('record_type', '=', recordType);
  if (action) query = query.where('action', '=', action);
  return (await query.executeTakeFirstOrThrow()).n;
}
