import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, startTestApp, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import { computeFiscalCode } from './fiscal-code/fiscal-code.ts';
import type { Person, PersonSearchResult } from './registry.schemas.ts';

const CASTEL_MAGGIORE = '037019';
const BOLOGNA_BELFIORE = 'A944';

function newPerson(overrides: Record<string, unknown> = {}) {
  const base = { familyName: 'Dell’Olio', givenName: 'Nicolò', sex: 'M', birthDate: '1948-02-29', birthPlaceCode: BOLOGNA_BELFIORE };
  const person: typeof base = { ...base, ...overrides };
  return {
    ...person,
    fiscalCode: computeFiscalCode({ ...person, sex: person.sex as 'M' | 'F' }),
    municipalityCode: CASTEL_MAGGIORE,
    residence: { municipalityCode: CASTEL_MAGGIORE, address: 'Via Gramsci 10', postalCode: '40013' },
    phone: '+39 333 1234567',
    preferredLanguage: 'it',
    ...overrides,
  };
}

async function accessLogCount(t: TestApp, personId: string, action?: string): Promise<number> {
  let q = t.database.db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId);
  if (action) q = q.where('action', '=', action);
  return (await q.executeTakeFirstOrThrow()).n;
}

describe('person registry', () => {
  let t: TestApp;
  let desk: Client;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
  });
  afterAll(() => t.close());

  it('registers a person with a valid fiscal code and logs the creation', async () => {
    const created = await desk.json<Person>('POST', '/api/persons', { person: newPerson() });
    expect(created.status).toBe(200);
    expect(created.body.fiscalCodeCheck).toMatchObject({ status: 'valid', mismatches: [] });
    expect(created.body.fiscalCodeCheck.decoded?.birthPlaceName).toBe('Bologna');
    expect(created.body.municipalityName).toBe('Castel Maggiore');
    expect(await accessLogCount(t, created.body.id, 'create')).toBe(1);
  });

  it('refuses an invalid fiscal code with a message naming the check character, and writes nothing', async () => {
    const before = await t.database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const person = newPerson({ familyName: 'Verdi', fiscalCode: 'VRDGPP80A01A944X' });
    const response = await desk.request('POST', '/api/persons', { person });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0]).toMatchObject({ path: 'person.fiscalCode' });
    expect(response.json().details[0].message).toContain('carattere di controllo');
    const after = await t.database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('shows likely duplicates (same fiscal code; similar name and same birth date) and saves only once confirmed', async () => {
    const original = newPerson({ familyName: 'Esposito', givenName: 'Maria Grazia', sex: 'F', birthDate: '1961-07-14' });
    const first = await desk.json<Person>('POST', '/api/persons', { person: original });
    expect(first.status).toBe(200);

    const sameCode = await desk.request('POST', '/api/persons', { person: original });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().code).toBe('DUPLICATE_CANDIDATES');
    expect(sameCode.json().data.duplicates[0]).toMatchObject({ id: first.body.id, reason: 'fiscalCode' });

    const similar = { ...original, familyName: 'Esposito', givenName: 'Mariagrazia', fiscalCode: null };
    const check = await desk.json<{ duplicates: { id: string; reason: string }[] }>('POST', '/api/persons/check', similar);
    expect(check.body.duplicates).toContainEqual(expect.objectContaining({ id: first.body.id, reason: 'nameAndBirthDate' }));

    const refused = await desk.request('POST', '/api/persons', { person: similar });
    expect(refused.statusCode).toBe(409);
    const confirmed = await desk.json<Person>('POST', '/api/persons', { person: similar, confirmDuplicates: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.id).not.toBe(first.body.id);
  });

  it('warns, without refusing, when the entered data contradicts the fiscal code', async () => {
    const person = newPerson({ familyName: 'Lombardi', givenName: 'Teresa', sex: 'F', birthDate: '1975-03-08' });
    const check = await desk.json<{ fiscalCode: { status: string; mismatches: string[] } }>('POST', '/api/persons/check', {
      ...person,
      birthDate: '1975-03-09',
      sex: 'M',
    });
    expect(check.body.fiscalCode.status).toBe('valid');
    expect(check.body.fiscalCode.mismatches).toEqual(expect.arrayContaining(['birthDate', 'sex']));
  });

  it('allows a temporary foreign person without a fiscal code', async () => {
    const response = await desk.json<Person>('POST', '/api/persons', {
      person: { familyName: 'Kovalenko', givenName: 'Oksana', sex: 'F', birthPlaceCode: 'Z138', citizenship: 'UA', municipalityCode: CASTEL_MAGGIORE, preferredLanguage: 'uk' },
    });
    expect(response.status).toBe(200);
    expect(response.body.fiscalCodeCheck.status).toBe('absent');
    expect(response.body.birthPlaceName).toBeTruthy();
  });

  it('finds persons by name ignoring accents and case, by fiscal code, and logs whom it returned', async () => {
    const found = await desk.json<PersonSearchResult>('GET', '/api/persons?q=nicolo%20dellolio');
    expect(found.body.items[0]).toMatchObject({ familyName: 'Dell’Olio', givenName: 'Nicolò' });
    const id = found.body.items[0]!.id;
    expect(await accessLogCount(t, id, 'search')).toBeGreaterThanOrEqual(1);

    const code = found.body.items[0]!.fiscalCode!;
    const byCode = await desk.json<PersonSearchResult>('GET', `/api/persons?q=${code.toLowerCase()}`);
    expect(byCode.body.items.map((p) => p.id)).toEqual([id]);

    const byDate = await desk.json<PersonSearchResult>('GET', '/api/persons?birthDate=1948-02-29&pageSize=5');
    expect(byDate.body.items.every((p) => p.birthDate === '1948-02-29')).toBe(true);
  });

  it('pages results with a total', async () => {
    const page1 = await desk.json<PersonSearchResult>('GET', '/api/persons?q=a&pageSize=5');
    expect(page1.status).toBe(400);
    const all = await desk.json<PersonSearchResult>('GET', '/api/persons?q=ro&pageSize=3&page=1');
    const next = await desk.json<PersonSearchResult>('GET', '/api/persons?q=ro&pageSize=3&page=2');
    expect(all.body.total).toBeGreaterThan(3);
    expect(all.body.items).toHaveLength(3);
    expect(next.body.items[0]?.id).not.toBe(all.body.items[0]?.id);
  });

  it('lists names starting with the text alphabetically, caps a huge count, suggests similar names for a typo', async () => {
    await sql`INSERT INTO person (municipality_code, family_name, given_name)
      SELECT ${CASTEL_MAGGIORE}, 'Capperini', 'Nome ' || lpad(n::text, 4, '0') FROM generate_series(1, 1005) AS n`.execute(t.database.db);
    const common = await desk.json<PersonSearchResult>('GET', '/api/persons?q=capper&pageSize=10');
    expect(common.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(common.body.items.map((p) => p.givenName)).toEqual(Array.from({ length: 10 }, (_, i) => `Nome ${String(i + 1).padStart(4, '0')}`));

    const exact = await desk.json<PersonSearchResult>('GET', '/api/persons?q=capperini%20nome%200007');
    expect(exact.body).toMatchObject({ total: 1, totalCapped: false });

    const typo = await desk.json<PersonSearchResult>('GET', '/api/persons?q=dellolo%20nicolo');
    expect(typo.body.items.map((p) => p.familyName)).toContain('Dell’Olio');

    const wildcards = await desk.json<PersonSearchResult>('GET', '/api/persons?q=%25%25');
    expect(wildcards.status).toBe(200);
    expect(wildcards.body.items).toEqual([]);
  });

  it('reading a person writes an access-log row with the reason given', async () => {
    const found = await desk.json<PersonSearchResult>('GET', '/api/persons?q=dell%27olio');
    const id = found.body.items[0]!.id;
    const before = await accessLogCount(t, id, 'read');
    const read = await desk.request('GET', `/api/persons/${id}`, undefined, { 'x-trama-purpose': encodeURIComponent('Colloquio allo sportello') });
    expect(read.statusCode).toBe(200);
    expect(await accessLogCount(t, id, 'read')).toBe(before + 1);
    const row = await t.database.db.selectFrom('access_log').selectAll().where('person_id', '=', id).where('action', '=', 'read').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'front_desk', record_type: 'person', purpose: 'Colloquio allo sportello' });
    expect(row.grant_id).toBeTruthy();
  });

  it('an edit needs the current version: a stale one gets 412 with the current record, history keeps both', async () => {
    const created = await desk.json<Person>('POST', '/api/persons', { person: newPerson({ familyName: 'Marchetti', givenName: 'Ugo', birthDate: '1990-12-31' }) });
    const { id, version } = created.body;
    const input = newPerson({ familyName: 'Marchetti', givenName: 'Ugo', birthDate: '1990-12-31', phone: '+39 051 555 1234' });
    const first = await desk.json<Person>('PUT', `/api/persons/${id}`, { person: input, version });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    const stale = await desk.request('PUT', `/api/persons/${id}`, { person: { ...input, phone: '+39 051 000 0000' }, version });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current.phone).toBe('+39 051 555 1234');
    const history = await desk.json<{ version: number; changedBy: string; changes: { field: string; from: unknown; to: unknown }[] }[]>('GET', `/api/persons/${id}/history`);
    expect(history.body[0]).toMatchObject({ version: version + 1, changedBy: expect.stringContaining('Giulia') });
    expect(history.body[0]?.changes).toEqual([{ field: 'phone', from: '+39 333 1234567', to: '+39 051 555 1234' }]);
  });

  it('a user sees only the persons of its territories', async () => {
    const admin = await login(t.app, 'admin');
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username: 'sportello.bologna', displayName: 'Sportello Bologna', password: 'password-lunga-123' });
    await passwordChosenByOwner(t.database, user.body.id);
    expect((await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'front_desk', territoryKind: 'municipality', territoryId: '037006' })).statusCode).toBe(200);
    const bologna = await login(t.app, 'sportello.bologna', 'password-lunga-123');
    const found = await desk.json<PersonSearchResult>('GET', '/api/persons?q=marchetti');
    const id = found.body.items[0]!.id;
    expect((await bologna.request('GET', `/api/persons/${id}`)).statusCode).toBe(404);
    expect((await bologna.json<PersonSearchResult>('GET', '/api/persons?q=marchetti')).body.items).toEqual([]);
    const foreign = await bologna.request('POST', '/api/persons', { person: newPerson({ familyName: 'Fuori', givenName: 'Zona' }) });
    expect(foreign.statusCode).toBe(403);
  });

  it('the access log refuses UPDATE, DELETE and TRUNCATE even to the database owner', async () => {
    await expect(sql`UPDATE access_log SET purpose = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM access_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE access_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });
});
