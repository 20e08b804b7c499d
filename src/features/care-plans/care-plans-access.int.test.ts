import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { PlanVersion } from './care-plans.schemas.ts';
import { aContent, aPlan, catalogueIds, inPerson, move, saveContent } from './care-plans-test-kit.ts';

describe('personalised project: who sees it, access log, PDF', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let plan: PlanVersion;
  let workerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    manager = await login(t.app, 'responsabile');
    const persons = await personsIn(t, CASTEL_MAGGIORE, 2);
    const c = await aCase(worker, persons);
    plan = await saveContent(worker, await aPlan(worker, c.id), aContent(await catalogueIds(t)));
    plan = await move(worker, plan, 'proposed');
    plan = await move(worker, plan, 'agreed', inPerson);
    workerId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const base = () => `/api/cases/${plan.caseId}/plan`;
  const v = () => `${base()}/versions/1`;
  const endpoints = () =>
    [
      ['GET', base(), undefined],
      ['GET', `${base()}/options`, undefined],
      ['GET', `/api/cases/${plan.caseId}/closure-objectives`, undefined],
      ['GET', v(), undefined],
      ['GET', `${v()}/compare`, undefined],
      ['GET', `${v()}/pdf`, undefined],
      ['GET', `${v()}/pdf?lang=en`, undefined],
      ['POST', base(), { periodStart: '2027-01-01', periodEnd: '2027-02-01' }],
      ['PUT', v(), { periodStart: '2027-01-01', periodEnd: '2027-02-01', version: plan.version }],
      ['POST', `${v()}/transition`, { to: 'active', version: plan.version }],
      ['POST', `${v()}/new-version`, { version: plan.version }],
    ] as const;

  it('outside social worker and front desk get 403, provider and official 404 or 403, on every endpoint; nothing is logged for them', async () => {
    const outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    const expectations: [Client & { userId?: string }, number[]][] = [
      [outsider, [403]],
      [await login(t.app, 'sportello'), [403]],
      [await login(t.app, 'fornitore'), [403, 404]],
      [await login(t.app, 'assessore'), [403, 404]],
    ];
    for (const [client, statuses] of expectations) {
      for (const [method, url, body] of endpoints()) {
        const reply = await client.request(method, url, body);
        expect(statuses, `${method} ${url}`).toContain(reply.statusCode);
        expect(reply.body).not.toContain('Restare a vivere');
        expect(reply.headers['content-type']).not.toContain('pdf');
      }
    }
    expect(await caseLogCount(t, plan.caseId, 'read', { userId: outsider.userId, recordType: 'case_plan' })).toBe(0);
    const after = await worker.json<PlanVersion>('GET', v());
    expect(after.body.version).toBe(plan.version);
  });

  it('owner and manager read it; every read is logged once per person of the case with record type case_plan', async () => {
    const before = await caseLogCount(t, plan.caseId, 'read', { userId: workerId, recordType: 'case_plan' });
    expect((await worker.request('GET', base())).statusCode).toBe(200);
    expect((await worker.request('GET', v())).statusCode).toBe(200);
    expect((await worker.request('GET', `${v()}/compare`)).statusCode).toBe(200);
    // Two persons in the case: two rows per read.
    expect(await caseLogCount(t, plan.caseId, 'read', { userId: workerId, recordType: 'case_plan' })).toBe(before + 6);
    expect((await manager.request('GET', v())).statusCode).toBe(200);
    expect(await caseLogCount(t, plan.caseId, 'update', { recordType: 'case_plan' })).toBeGreaterThan(0);
  });

  it('prints the plan in plain Italian, and in English on request; the download is logged as print', async () => {
    const prints = await caseLogCount(t, plan.caseId, 'print', { recordType: 'case_plan' });
    const it = await worker.request('GET', `${v()}/pdf`);
    expect(it.statusCode).toBe(200);
    expect(it.headers['content-type']).toBe('application/pdf');
    const text = pdfText(it.rawPayload);
    expect(text).toContain('Progetto personalizzato');
    expect(text).toContain('Restare a vivere a casa propria in sicurezza');
    expect(text).toContain('Igiene personale curata ogni giorno');
    expect(text).toContain('Assistenza domiciliare');
    expect(text).toContain('€ 277,81');
    expect(text).toContain('La figlia Anna');
    expect(text).toContain('Maria Rossi');
    const en = await worker.request('GET', `${v()}/pdf?lang=en`);
    const textEn = pdfText(en.rawPayload);
    expect(textEn).toContain('Personalised project');
    expect(textEn).toContain('Objectives');
    expect(textEn).toContain('Restare a vivere a casa propria in sicurezza');
    expect(textEn).toContain('€277.81');
    expect(await caseLogCount(t, plan.caseId, 'print', { recordType: 'case_plan' })).toBe(prints + 4);
  });
});
