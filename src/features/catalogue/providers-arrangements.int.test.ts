import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import type { UserView } from '../users/users.schemas.ts';
import type { ServiceMap } from './arrangements.schemas.ts';
import type { Arrangement, ServiceDetail, ServiceSummary } from './catalogue.schemas.ts';
import type { Provider, ProviderDetail } from './providers.schemas.ts';

const CASTEL_MAGGIORE = '037019';
const BOLOGNA = '037006';
const PROVIDER = { name: 'Cooperativa Sociale La Quercia', taxCode: '12345678903', kind: 'social_cooperative', email: 'info@quercia.example.it', phone: '051 123 4567', municipalityCode: CASTEL_MAGGIORE };

describe('providers and institutional arrangements', () => {
  let t: TestApp;
  let manager: Client;
  let admin: Client;
  let services: ServiceSummary[];
  const serviceNamed = (part: string) => services.find((s) => s.name.includes(part))!;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await login(t.app, 'responsabile');
    admin = await login(t.app, 'admin');
    services = (await manager.json<ServiceSummary[]>('GET', '/api/services')).body;
  });
  afterAll(() => t.close());

  it('a manager creates and edits providers; tax codes are checked, names unique', async () => {
    const created = await manager.json<ProviderDetail>('POST', '/api/providers', PROVIDER);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: PROVIDER.name, taxCode: '12345678903', municipalityName: 'Castel Maggiore', serviceCount: 0, deliveries: [] });
    expect((await manager.request('POST', '/api/providers', { ...PROVIDER, name: 'cooperativa sociale la quercia' })).statusCode).toBe(409);
    const badVat = await manager.request('POST', '/api/providers', { ...PROVIDER, name: 'Altra', taxCode: '12345678901' });
    expect(badVat.statusCode).toBe(400);
    expect(badVat.json().details[0].path).toBe('taxCode');
    expect((await manager.request('POST', '/api/providers', { ...PROVIDER, name: 'Altra', taxCode: '1234' })).statusCode).toBe(400);
    const soleTrader = await manager.request('POST', '/api/providers', { ...PROVIDER, name: 'Ditta individuale', taxCode: 'rssmra85t10a562s', kind: 'company' });
    expect(soleTrader.json()).toMatchObject({ taxCode: 'RSSMRA85T10A562S' });
    const edited = await manager.json<ProviderDetail>('PUT', `/api/providers/${created.body.id}`, { ...PROVIDER, phone: null, isActive: false });
    expect(edited.body).toMatchObject({ phone: null, isActive: false });
    const list = await manager.json<Provider[]>('GET', '/api/providers');
    expect(list.body.map((p) => p.name)).not.toContain(PROVIDER.name);
    expect(list.body.map((p) => p.name)).toContain('Coop. Sociale Il Ponte');
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('POST', '/api/providers', { ...PROVIDER, name: 'Dallo sportello' })).statusCode).toBe(403);
  });

  it('a manager sets and clears arrangements in its municipalities only', async () => {
    const ponte = (await manager.json<Provider[]>('GET', '/api/providers')).body.find((p) => p.name === 'Coop. Sociale Il Ponte')!;
    const service = serviceNamed('Centro diurno per anziani');
    const url = (code: string) => `/api/services/${service.id}/arrangements/${code}`;
    const galliera = '037028';
    const set = await manager.json<Arrangement>('PUT', url(galliera), { titleHolder: 'other', titleHolderName: 'Fondazione Galliera', delivery: 'provider', functionMode: 'mixed', providerIds: [ponte.id], notes: 'Dal 2027' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ municipalityName: 'Galliera', titleHolder: 'other', providers: [{ id: ponte.id, name: ponte.name }] });

    const changed = await manager.json<Arrangement>('PUT', url(galliera), { titleHolder: 'union', delivery: 'direct', functionMode: 'delegated' });
    expect(changed.body).toMatchObject({ delivery: 'direct', providers: [], notes: null });

    expect((await manager.request('PUT', url(galliera), { titleHolder: 'other', delivery: 'direct', functionMode: 'direct' })).json().details[0].path).toBe('titleHolderName');
    expect((await manager.request('PUT', url(galliera), { titleHolder: 'union', delivery: 'provider', functionMode: 'direct' })).json().details[0].path).toBe('providerIds');
    expect((await manager.request('PUT', url(galliera), { titleHolder: 'union', delivery: 'direct', functionMode: 'direct', providerIds: [ponte.id] })).statusCode).toBe(400);

    const outside = await manager.request('PUT', url(BOLOGNA), { titleHolder: 'union', delivery: 'direct', functionMode: 'delegated' });
    expect(outside.statusCode).toBe(403);
    expect((await manager.request('DELETE', url(BOLOGNA))).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('service_arrangement').select('service_id').where('municipality_code', '=', BOLOGNA).execute()).toEqual([]);

    expect((await manager.request('DELETE', url(galliera))).statusCode).toBe(200);
    expect((await manager.request('DELETE', url(galliera))).statusCode).toBe(404);
    const detail = await manager.json<ServiceDetail>('GET', `/api/services/${service.id}`);
    expect(detail.body.arrangements.map((a) => a.municipalityName)).not.toContain('Galliera');

    const desk = await login(t.app, 'sportello');
    expect((await desk.request('PUT', url(galliera), { titleHolder: 'union', delivery: 'direct', functionMode: 'delegated' })).statusCode).toBe(403);
  });

  it('the service map crosses services and the Union’s municipalities, filtered by area of need', async () => {
    const map = await manager.json<ServiceMap>('GET', '/api/service-map');
    expect(map.status).toBe(200);
    expect(map.body.municipalities).toHaveLength(8);
    expect(map.body.services.length).toBeGreaterThanOrEqual(15);
    const sad = serviceNamed('(SAD)');
    expect(map.body.cells.filter((c) => c.serviceId === sad.id)).toHaveLength(8);
    const eld = await manager.json<ServiceMap>('GET', '/api/service-map?needArea=ELD');
    expect(eld.body.services.every((s) => s.needAreas.includes('ELD'))).toBe(true);
    expect(eld.body.services.map((s) => s.id)).not.toContain(serviceNamed('Educativa domiciliare').id);
    expect(eld.body.cells.every((c) => eld.body.services.some((s) => s.id === c.serviceId))).toBe(true);
    const official = await login(t.app, 'assessore');
    expect((await official.request('GET', '/api/service-map')).statusCode).toBe(403);
  });

  it('a provider user reads the catalogue and its own organisation with what it delivers', async () => {
    const provider = await login(t.app, 'fornitore');
    expect((await provider.request('GET', '/api/services')).statusCode).toBe(200);
    const mine = await provider.json<ProviderDetail>('GET', '/api/providers/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.name).toBe('Coop. Sociale Il Ponte');
    const sad = mine.body.deliveries.find((d) => d.name.includes('(SAD)'))!;
    expect(sad.municipalities.map((m) => m.name)).toContain('Castel Maggiore');
    expect(sad.municipalities.map((m) => m.name)).not.toContain('Galliera');
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('GET', '/api/providers/mine')).statusCode).toBe(404);
  });

  it('giving the provider role requires an organisation, which then scopes the actor', async () => {
    const union = await t.database.db.selectFrom('territory_group').select('id').where('name', '=', 'Unione Reno Galliera').executeTakeFirstOrThrow();
    const user = await admin.json<UserView>('POST', '/api/users', { username: 'op.ponte', displayName: 'Operatrice Il Ponte', password: 'una-password-lunga' });
    await passwordChosenByOwner(t.database, user.body.id);
    const grant = { role: 'provider', territoryKind: 'union', territoryId: union.id };
    const missing = await admin.request('POST', `/api/users/${user.body.id}/grants`, grant);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details[0]).toMatchObject({ path: 'providerId', messageEn: expect.stringContaining('choose the organisation') });
    expect((await t.database.db.selectFrom('user_grant').select('id').where('user_id', '=', user.body.id).execute())).toEqual([]);

    const options = await admin.json<{ id: string; name: string }[]>('GET', '/api/users/provider-organisations');
    const ponte = options.body.find((o) => o.name === 'Coop. Sociale Il Ponte')!;
    const given = await admin.json<UserView>('POST', `/api/users/${user.body.id}/grants`, { ...grant, providerId: ponte.id });
    expect(given.body).toMatchObject({ providerId: ponte.id, providerName: 'Coop. Sociale Il Ponte' });
    const staff = await login(t.app, 'op.ponte', 'una-password-lunga');
    expect((await staff.json<ProviderDetail>('GET', '/api/providers/mine')).body.id).toBe(ponte.id);

    const wrongRole = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'clerk', territoryKind: 'union', territoryId: union.id, providerId: ponte.id });
    expect(wrongRole.statusCode).toBe(400);
    const removed = await admin.json<UserView>('DELETE', `/api/users/${user.body.id}/grants/${given.body.grants[0]!.id}`);
    expect(removed.body.providerId).toBeNull();
    const manager2 = await login(t.app, 'responsabile');
    expect((await manager2.request('GET', '/api/users/provider-organisations')).statusCode).toBe(403);
  });
});
