import { expect } from 'vitest';
import { login, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import type { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { clock } from '../../platform/time/clock.ts';

/** Helpers shared by this feature's integration tests (never imported by the application). */
export const CASTEL_MAGGIORE = '037019';
export const BOLOGNA = '037006';
const PASSWORD = 'una-password-lunga';
let userCount = 0;

export async function municipalityCode(t: TestApp, name: string): Promise<string> {
  const row = await t.database.db.selectFrom('municipality').select('istat_code').where('name', '=', name).where('province_code', '=', 'BO').executeTakeFirstOrThrow();
  return row.istat_code;
}

/** A new user with one grant, logged in. */
export async function userWith(t: TestApp, role: Role, kind: TerritoryKind, territoryId: string): Promise<Client & { userId: string }> {
  const admin = await login(t.app, 'admin');
  const username = `acc${++userCount}.${role.replace('_', '')}.${process.pid}`;
  const user = await admin.json<{ id: string }>('POST', '/api/users', { username, displayName: `Test ${username}`, password: PASSWORD });
  await passwordChosenByOwner(t.database, user.body.id);
  expect(user.status).toBe(200);
  const grant = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role, territoryKind: kind, territoryId });
  expect(grant.statusCode).toBe(200);
  return { ...(await login(t.app, username, PASSWORD)), userId: user.body.id };
}

export async function unionId(t: TestApp): Promise<string> {
  const row = await t.database.db.selectFrom('territory_group').select('id').where('name', '=', 'Unione Reno Galliera').executeTakeFirstOrThrow();
  return row.id;
}

/** Demo persons registered in a municipality (the same ones on every run). */
export async function personsIn(t: TestApp, code: string, count: number): Promise<string[]> {
  const rows = await t.database.db.selectFrom('person').select('id').where('municipality_code', '=', code).orderBy('fiscal_code').limit(count).execute();
  expect(rows.length).toBe(count);
  return rows.map((row) => row.id);
}

/** A catalogue service, created directly when the catalogue demo is absent. */
export async function aService(t: TestApp): Promise<{ id: string; name: string }> {
  const existing = await t.database.db.selectFrom('service').select(['id', 'name']).orderBy('code').executeTakeFirst();
  if (existing) return existing;
  return t.database.db.insertInto('service').values({ code: 'TEST-ADI', name: 'Assistenza domiciliare (test)', kind: 'home_care', unit: 'hours', siuss_benefit_code: null, access_rules: null, updated_by: null }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export const hoursAgo = (hours: number) => new Date(clock.nowMs() - hours * 3_600_000).toISOString();

/** A valid access body (an information given at the Castel Maggiore desk an hour ago), with overrides. */
export function anAccess(overrides: Record<string, unknown> = {}): Record<string, unknown> & { outcome: string; channel: string; outcomeServiceId?: string } {
  return {
    occurredAt: hoursAgo(1),
    channel: 'in_person',
    municipalityCode: CASTEL_MAGGIORE,
    needAreaCode: 'ELD',
    request: 'Chiede assistenza domiciliare per la madre anziana.',
    outcome: 'information',
    ...overrides,
  };
}

export async function counts(t: TestApp) {
  const count = async (table: 'access_record' | 'access_person' | 'intake_item') =>
    (await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { accesses: await count('access_record'), links: await count('access_person'), intake: await count('intake_item') };
}

export async function logCount(t: TestApp, personId: string, recordType: string, action: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('record_type', '=', recordType)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return row.n;
}
