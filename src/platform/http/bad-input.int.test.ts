import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';

const valid = { familyName: 'Gallo', givenName: 'Irene', municipalityCode: '037019', preferredLanguage: 'it' };

describe('bad input gets a clear 4xx, never a 5xx, and writes nothing', () => {
  let t: TestApp;
  let desk: Client;
  let before: number;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    before = (await t.database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  });
  afterAll(() => t.close());

  const raw = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/persons',
      payload,
      headers: { 'content-type': contentType, 'x-csrf-token': desk.csrfToken },
      cookies: { trama_session: desk.cookie },
    });

  it('a NUL character anywhere is refused with a 400 naming the field, before the database sees it', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sporte\u0000llo', password: 'x' } });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().details[0]).toMatchObject({ path: 'username', messageEn: expect.stringContaining('null character') });
    const person = await desk.request('POST', '/api/persons', { person: { ...valid, familyName: 'Gal\u0000lo' } });
    expect(person.statusCode).toBe(400);
    expect(person.json().details[0]).toMatchObject({ path: 'person.familyName', message: expect.stringContaining('carattere nullo') });
    for (const [query, field] of [['q=Ro%00ssi', 'q'], ['fiscalCode=RSSMRA%0085T10A562S', 'fiscalCode'], ['municipalityCode=037%00019', 'municipalityCode']] as const) {
      const search = await desk.request('GET', `/api/persons?${query}`);
      expect(search.statusCode, query).toBe(400);
      expect(search.json().details[0].path).toBe(`querystring.${field}`);
    }
    const after = (await t.database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(after).toBe(before);
  });

  it('malformed JSON', async () => {
    const response = await raw('{"person": {');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_JSON', message: expect.any(String), messageEn: expect.any(String) });
  });

  it('a body that is not JSON', async () => {
    expect((await raw('familyName=x', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
  });

  it('wrong types name the field in both languages', async () => {
    const response = await desk.request('POST', '/api/persons', { person: { ...valid, familyName: 42 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0]).toMatchObject({ path: 'person.familyName', message: expect.stringContaining('Tipo'), messageEn: expect.stringContaining('type') });
  });

  it('unknown fields are refused, not ignored', async () => {
    const response = await desk.request('POST', '/api/persons', { person: { ...valid, isAdmin: true } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].message).toContain('isAdmin');
  });

  it('oversize bodies', async () => {
    const response = await raw(JSON.stringify({ person: { ...valid, familyName: 'x'.repeat(400_000) } }));
    expect(response.statusCode).toBe(413);
  });

  it('very long strings', async () => {
    const response = await desk.request('POST', '/api/persons', { person: { ...valid, familyName: 'x'.repeat(5000) } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].messageEn).toContain('at most 100');
  });

  it('invalid codice fiscale, dates and codes', async () => {
    for (const person of [
      { ...valid, fiscalCode: 'RSSMRA85T10A562Z' },
      { ...valid, birthDate: '2023-02-30' },
      { ...valid, municipalityCode: '999999' },
      { ...valid, birthPlaceCode: 'Q1' },
      { ...valid, email: 'not-an-email' },
    ]) {
      const response = await desk.request('POST', '/api/persons', { person, confirmDuplicates: true });
      expect(response.statusCode, JSON.stringify(person)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(person)).toBeLessThan(500);
    }
  });

  it('SQL metacharacters are data, not code', async () => {
    const nasty = "O'Brien'); DROP TABLE person; --";
    const search = await desk.request('GET', `/api/persons?q=${encodeURIComponent(nasty)}`);
    expect(search.statusCode).toBe(200);
    const created = await desk.json<{ familyName: string }>('POST', '/api/persons', { person: { ...valid, familyName: "O'Brien%_\\" }, confirmDuplicates: true });
    expect(created.status).toBe(200);
    expect(created.body.familyName).toBe("O'Brien%_\\");
    await desk.request('DELETE', '/api/persons');
    const count = (await t.database.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(count).toBe(before + 1);
  });

  it('malformed ids and query parameters', async () => {
    expect((await desk.request('GET', '/api/persons/not-a-uuid')).statusCode).toBe(400);
    expect((await desk.request('GET', '/api/persons?q=ro&page=-1')).statusCode).toBe(400);
    expect((await desk.request('GET', '/api/persons?q=ro&pageSize=100000')).statusCode).toBe(400);
    expect((await desk.request('GET', '/api/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await desk.request('GET', '/api/nowhere')).statusCode).toBe(404);
  });
});
