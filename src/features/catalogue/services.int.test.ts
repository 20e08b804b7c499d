import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceDetail, ServiceSummary } from './catalogue.schemas.ts';

const SERVICE = {
  code: 'x9.01',
  name: 'Servizio di prova per il catalogo',
  needAreas: ['FAM', 'ELD'],
  kind: 'home_care',
  unit: 'hours',
  siussBenefitCode: 'A2.07',
  accessRules: 'Su valutazione dell’assistente sociale.',
};

describe('service catalogue', () => {
  let t: TestApp;
  let manager: Client;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await login(t.app, 'responsabile');
  });
  afterAll(() => t.close());

  it('a manager creates, edits and deactivates a service; the code is stored upper-case and unique', async () => {
    const created = await manager.json<ServiceDetail>('POST', '/api/services', SERVICE);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 'X9.01', needAreas: ['ELD', 'FAM'], isActive: true, arrangements: [] });

    const again = await manager.request('POST', '/api/services', { ...SERVICE, name: 'Altro nome' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('X9.01');

    const id = created.body.id;
    const edited = await manager.json<ServiceDetail>('PUT', `/api/services/${id}`, { ...SERVICE, name: 'Servizio rinominato', needAreas: ['DIS'], siussBenefitCode: null });
    expect(edited.body).toMatchObject({ name: 'Servizio rinominato', needAreas: ['DIS'], siussBenefitCode: null });

    const list = await manager.json<ServiceSummary[]>('GET', '/api/services?q=rinominato');
    expect(list.body.map((s) => s.id)).toEqual([id]);
    const byArea = await manager.json<ServiceSummary[]>('GET', '/api/services?needArea=DIS');
    expect(byArea.body.map((s) => s.id)).toContain(id);

    await manager.json('PUT', `/api/services/${id}`, { ...SERVICE, isActive: false });
    expect((await manager.json<ServiceSummary[]>('GET', '/api/services?q=x9.01')).body).toEqual([]);
    const withInactive = await manager.json<ServiceSummary[]>('GET', '/api/services?q=x9.01&includeInactive=true');
    expect(withInactive.body).toEqual([expect.objectContaining({ id, isActive: false })]);
  });

  it('renaming a code onto another service’s code is a 409; unknown codes are a 400 naming the field', async () => {
    const a = await manager.json<ServiceDetail>('POST', '/api/services', { ...SERVICE, code: 'X9.10' });
    const b = await manager.json<ServiceDetail>('POST', '/api/services', { ...SERVICE, code: 'X9.11' });
    const clash = await manager.request('PUT', `/api/services/${b.body.id}`, { ...SERVICE, code: 'x9.10' });
    expect(clash.statusCode).toBe(409);
    expect(a.status).toBe(200);

    const area = await manager.request('POST', '/api/services', { ...SERVICE, code: 'X9.12', needAreas: ['ZZZ'] });
    expect(area.statusCode).toBe(400);
    expect(area.json().details).toEqual([expect.objectContaining({ path: 'needAreas', message: 'Area di bisogno sconosciuta: ZZZ.' })]);
    const siuss = await manager.request('POST', '/api/services', { ...SERVICE, code: 'X9.12', siussBenefitCode: 'Q1.99' });
    expect(siuss.json().details[0].path).toBe('siussBenefitCode');
    const code = await manager.request('POST', '/api/services', { ...SERVICE, code: 'due parole' });
    expect(code.statusCode).toBe(400);
    expect(code.json().details[0]).toMatchObject({ path: 'code', messageEn: expect.stringContaining('letters, digits') });
    const kind = await manager.request('POST', '/api/services', { ...SERVICE, code: 'X9.13', kind: 'magic' });
    expect(kind.statusCode).toBe(400);
    expect(await t.database.db.selectFrom('service').select('id').where('code', 'in', ['X9.12', 'X9.13']).execute()).toEqual([]);
  });

  it('GET /api/services/:id carries the arrangements of the reader’s municipalities', async () => {
    const desk = await login(t.app, 'sportello');
    const list = await desk.json<ServiceSummary[]>('GET', '/api/services?q=SAD');
    expect(list.status).toBe(200);
    const sad = list.body[0]!;
    const detail = await desk.json<ServiceDetail>('GET', `/api/services/${sad.id}`);
    expect(detail.body.arrangements).toHaveLength(8);
    expect(detail.body.arrangements.find((a) => a.municipalityName === 'Castel Maggiore')).toMatchObject({
      titleHolder: 'union',
      delivery: 'provider',
      functionMode: 'delegated',
      providers: [expect.objectContaining({ name: 'Coop. Sociale Il Ponte' })],
    });
    expect((await desk.request('GET', '/api/services/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('only the service manager writes the catalogue; citizen and admin do not read it', async () => {
    for (const username of ['sportello', 'assistente', 'amministrativo', 'fornitore', 'assessore']) {
      const user = await login(t.app, username);
      expect((await user.request('GET', '/api/services')).statusCode, username).toBe(200);
      expect((await user.request('POST', '/api/services', { ...SERVICE, code: 'X9.20' })).statusCode, username).toBe(403);
      expect((await user.request('POST', '/api/services/import', 'code;name', { 'content-type': 'text/csv' })).statusCode, username).toBe(403);
    }
    for (const username of ['cittadino', 'admin']) {
      const user = await login(t.app, username);
      expect((await user.request('GET', '/api/services')).statusCode, username).toBe(403);
      expect((await user.request('GET', '/api/providers')).statusCode, username).toBe(403);
    }
  });
});
