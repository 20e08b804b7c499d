import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { Municipality, TerritoryGroup } from './territories.schemas.ts';

describe('territories', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('ships all 7,896 ISTAT municipalities with Belfiore codes, and the foreign states', async () => {
    const count = await t.database.db.selectFrom('municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(7896);
    const found = await admin.json<Municipality[]>('GET', '/api/territories/municipalities?q=castello%20d%27argile');
    expect(found.body[0]).toMatchObject({ name: "Castello d'Argile", provinceCode: 'BO', belfiore: 'C185' });
    const accents = await admin.json<Municipality[]>('GET', '/api/territories/municipalities?q=forli');
    expect(accents.body[0]?.name).toMatch(/^Forlì/);
    const countries = await admin.json<{ code: string; nameIt: string }[]>('GET', '/api/territories/foreign-countries?q=marocco');
    expect(countries.body).toEqual([expect.objectContaining({ code: 'Z330', nameIt: 'Marocco' })]);
  });

  it('looks municipalities up by a list of ISTAT codes; a list with no code is refused with a message, not a 500', async () => {
    const listed = await admin.json<Municipality[]>('GET', '/api/territories/municipalities?codes=037019,%20037006');
    expect(listed.body.map((m) => m.name).sort()).toEqual(['Bologna', 'Castel Maggiore']);
    const blank = await admin.json<{ details: { path: string; messageEn: string }[] }>('GET', '/api/territories/municipalities?codes=%20');
    expect(blank.status).toBe(400);
    expect(blank.body.details[0]).toMatchObject({ path: 'querystring.codes', messageEn: expect.stringContaining('6 digits each') });
  });

  it('the demo Union and District group real municipalities', async () => {
    const groups = await admin.json<TerritoryGroup[]>('GET', '/api/territories/groups');
    const union = groups.body.find((g) => g.name === 'Unione Reno Galliera')!;
    expect(union.municipalities).toHaveLength(8);
    expect(union.population).toBeGreaterThan(60000);
    expect(groups.body.find((g) => g.kind === 'district')?.municipalities).toHaveLength(15);
  });

  it('an admin defines a Union and a quartiere; others may not', async () => {
    const created = await admin.json<TerritoryGroup>('POST', '/api/territories/groups', { kind: 'union', name: 'Unione Terre di Pianura', municipalityCodes: ['037003', '037009', '037031'] });
    expect(created.status).toBe(200);
    expect(created.body.municipalities).toHaveLength(3);
    const unknown = await admin.request('POST', '/api/territories/groups', { kind: 'union', name: 'Unione fantasma', municipalityCodes: ['999999'] });
    expect(unknown.statusCode).toBe(400);
    const area = await admin.request('POST', '/api/territories/areas', { municipalityCode: '037006', name: 'Quartiere di prova' });
    expect(area.statusCode).toBe(200);
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('POST', '/api/territories/areas', { municipalityCode: '037006', name: 'Altro' })).statusCode).toBe(403);
  });
});
