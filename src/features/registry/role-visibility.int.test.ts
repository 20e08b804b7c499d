import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { login, startTestApp, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import { roles, type Role, type TerritoryKind } from '../../platform/access/roles.ts';
import { computeFiscalCode } from './fiscal-code/fiscal-code.ts';

const SENTINEL = { familyName: 'Quintavalle', givenName: 'Zelinda', sex: 'F' as const, birthDate: '1937-11-03', birthPlaceCode: 'C204' };
const SENTINEL_CODE = computeFiscalCode(SENTINEL);
const CASTEL_MAGGIORE = '037019';
const BOLOGNA = '037006';
/** Roles that may see a person's record in their territory (PRODUCT.md §2). */
const SEES_PERSONS: Role[] = ['front_desk', 'social_worker', 'service_manager'];

describe('each role receives only the fields it may see', () => {
  let t: TestApp;
  let personId: string;
  let unionId: string;
  let providerId: string;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await startTestApp();
    const desk = await login(t.app, 'sportello');
    const created = await desk.json<{ id: string }>('POST', '/api/persons', {
      person: { ...SENTINEL, fiscalCode: SENTINEL_CODE, municipalityCode: CASTEL_MAGGIORE, phone: '+39 051 999 8877', preferredLanguage: 'it' },
      confirmDuplicates: true,
    });
    personId = created.body.id;
    const union = await t.database.db.selectFrom('territory_group').select('id').where('name', '=', 'Unione Reno Galliera').executeTakeFirstOrThrow();
    unionId = union.id;
    // A provider grant names the organisation the user works for.
    const provider = await t.database.db.insertInto('provider_organisation').values({ name: 'Fornitore di prova', kind: 'other' }).returning('id').executeTakeFirstOrThrow();
    providerId = provider.id;
  });
  afterAll(() => t.close());

  async function clientFor(role: Role, kind: TerritoryKind, territoryId: string): Promise<Client> {
    const key = `${role}:${kind}:${territoryId}`;
    const cached = clients.get(key);
    if (cached) return cached;
    const admin = await login(t.app, 'admin');
    const username = `u${clients.size}.${role.replace('_', '')}`;
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username, displayName: username, password: 'una-password-lunga' });
    await passwordChosenByOwner(t.database, user.body.id);
    const grant = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role, territoryKind: kind, territoryId, ...(role === 'provider' ? { providerId } : {}) });
    expect(grant.statusCode).toBe(200);
    const client = await login(t.app, username, 'una-password-lunga');
    clients.set(key, client);
    return client;
  }

  function probes(): { method: 'GET' | 'POST'; url: string; body?: unknown }[] {
    const getRoutes = t.app.routeInventory.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    return [
      ...getRoutes.map((r) => ({
        method: 'GET' as const,
        url: r.url.replace(':id', personId) + (r.url === '/api/persons' ? '?q=quintavalle' : ''),
      })),
      { method: 'POST', url: '/api/persons/check', body: { ...SENTINEL, municipalityCode: CASTEL_MAGGIORE, preferredLanguage: 'it' } },
    ];
  }

  it('every route is probed', () => {
    expect(probes().map((p) => p.url)).toEqual(expect.arrayContaining([`/api/persons/${personId}`, '/api/registry/stats', '/api/users', '/api/access-log']));
  });

  it('no response to a role or territory without the right carries the person’s identity', async () => {
    const territory = fc.constantFrom<[TerritoryKind, string]>(['union', 'UNION'], ['municipality', CASTEL_MAGGIORE], ['municipality', BOLOGNA]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), territory, async (role, [kind, id]) => {
        const client = await clientFor(role, kind, id === 'UNION' ? unionId : id);
        const covers = id !== BOLOGNA;
        for (const probe of probes()) {
          const response = await client.request(probe.method, probe.url, probe.body);
          expect(response.statusCode, `${role} ${probe.url}`).toBeLessThan(500);
          const leaks = response.body.includes(SENTINEL_CODE) || response.body.includes('Quintavalle') || response.body.includes('999 8877');
          if (!SEES_PERSONS.includes(role) || !covers) expect(leaks, `${role}@${kind} ${probe.method} ${probe.url}`).toBe(false);
        }
        if (SEES_PERSONS.includes(role) && covers) {
          const read = await client.request('GET', `/api/persons/${personId}`);
          expect(read.body).toContain(SENTINEL_CODE);
        }
      }),
      { numRuns: 24, seed: 20261125 },
    );
  });

  it('official and admin see aggregates and configuration, never a person', async () => {
    const official = await login(t.app, 'assessore');
    const stats = await official.json<{ rows: { municipalityName: string; persons: number | null }[]; suppressionThreshold: number }>('GET', '/api/registry/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.rows.map((r) => r.municipalityName)).toContain('Castel Maggiore');
    expect(stats.body.rows.every((r) => r.persons === null || r.persons >= stats.body.suppressionThreshold)).toBe(true);
    expect((await official.request('GET', `/api/persons/${personId}`)).statusCode).toBe(403);
    const admin = await login(t.app, 'admin');
    expect((await admin.request('GET', '/api/persons?q=quintavalle')).statusCode).toBe(403);
    expect((await admin.request('GET', `/api/persons/${personId}/history`)).statusCode).toBe(403);
  });

  it('counts under five are suppressed for officials', async () => {
    const official = await login(t.app, 'assessore');
    const admin = await login(t.app, 'admin');
    // A one-municipality grant where the demo has no persons: Bologna has none, so its count is hidden, not 0 or 1.
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username: 'assessore.bo', displayName: 'Assessore BO', password: 'una-password-lunga' });
    await passwordChosenByOwner(t.database, user.body.id);
    await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'official', territoryKind: 'municipality', territoryId: BOLOGNA });
    const bo = await login(t.app, 'assessore.bo', 'una-password-lunga');
    const stats = await bo.json<{ rows: { persons: number | null }[] }>('GET', '/api/registry/stats');
    expect(stats.body.rows).toEqual([expect.objectContaining({ municipalityName: 'Bologna', persons: null })]);
    expect(official).toBeDefined();
  });

  it('the service manager sees who accessed the person, with dates', async () => {
    const manager = await login(t.app, 'responsabile');
    const log = await manager.json<{ items: { userDisplayName: string; action: string; at: string }[] }>('GET', `/api/persons/${personId}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.items).toContainEqual(expect.objectContaining({ action: 'create', userDisplayName: expect.stringContaining('Giulia') }));
    expect(log.body.items.every((i) => !Number.isNaN(Date.parse(i.at)))).toBe(true);
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('GET', `/api/persons/${personId}/access-log`)).statusCode).toBe(403);
  });
});
