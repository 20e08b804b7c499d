import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE, userIdsByName } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import { shiftDate, dayInRome } from '../../platform/time/rome.ts';
import type { CaseSettings } from '../case-settings/case-settings.schemas.ts';
import type { DeadlineRow, Procedure } from '../procedures/procedures.schemas.ts';
import type { WorklistPage, WorklistSummary } from './worklist.schemas.ts';
import { clock } from '../../platform/time/clock.ts';

describe('worklist and notifications', () => {
  let t: TestApp;
  let worker: Client;
  let colleague: Client;
  let manager: Client;
  let c: CaseDetail;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    colleague = await login(t.app, 'assistente2');
    manager = await login(t.app, 'responsabile');
    ids = await userIdsByName(t, ['assistente', 'assistente2', 'responsabile']);
    c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 1));
  });
  afterAll(() => t.close());

  const page = async (client: Client, section: string, query = '') => {
    const reply = await client.json<WorklistPage>('GET', `/api/worklist/${section}${query}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const summary = async (client: Client) => (await client.json<WorklistSummary>('GET', '/api/worklist/summary')).body;

  it('a case appears once its review date has passed, for the owner, the team and the manager; reads are logged', async () => {
    expect((await page(worker, 'review', '?limit=100')).items.map((i) => i.caseId)).not.toContain(c.id);
    await t.database.db.updateTable('case_record').set({ next_review_on: '2000-01-03' }).where('id', '=', c.id).execute();
    const before = await caseLogCount(t, c.id, 'read', { userId: ids.assistente });
    for (const client of [worker, colleague, manager]) {
      const review = await page(client, 'review', '?limit=5');
      const item = review.items.find((i) => i.caseId === c.id);
      expect(item).toMatchObject({ section: 'review', reference: c.reference, date: '2000-01-03', since: '2000-01-04' });
      expect(item?.days).toBeGreaterThan(9000);
      expect(item?.beneficiary).toBeTruthy();
      expect(review.total).toBeGreaterThanOrEqual(1);
    }
    expect(await caseLogCount(t, c.id, 'read', { userId: ids.assistente })).toBe(before + 1);
    const outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    expect((await page(outsider, 'review', '?limit=100')).items.map((i) => i.caseId)).not.toContain(c.id);
    expect((await outsider.request('GET', '/api/worklist/bogus')).statusCode).toBe(400);
    expect((await outsider.request('GET', '/api/worklist/review?limit=0')).statusCode).toBe(400);
    expect((await (await login(t.app, 'sportello')).request('GET', '/api/worklist/summary')).statusCode).toBe(403);
  });

  it('a case appears after N days without activity (N from the case settings)', async () => {
    const settings = await t.database.db.selectFrom('case_settings').select('inactivity_days').executeTakeFirstOrThrow();
    const recent = new Date(clock.nowMs() - (settings.inactivity_days - 2) * 86_400_000).toISOString();
    await t.database.db.updateTable('case_record').set({ last_activity_at: recent }).where('id', '=', c.id).execute();
    expect((await page(worker, 'inactive', '?limit=100')).items.map((i) => i.caseId)).not.toContain(c.id);
    await t.database.db.updateTable('case_record').set({ last_activity_at: '2000-01-05T10:00:00Z' }).where('id', '=', c.id).execute();
    const inactive = await page(manager, 'inactive', '?limit=5');
    expect(inactive.inactivityDays).toBe(settings.inactivity_days);
    const item = inactive.items.find((i) => i.caseId === c.id);
    expect(item).toMatchObject({ section: 'inactive', date: '2000-01-05' });
    const second = await page(manager, 'inactive', '?limit=1&offset=1');
    expect(second.items.map((i) => i.caseId)).not.toContain(c.id);
  });

  it('procedures near or past their deadline are listed; the counter counts and "seen" resets the new ones', async () => {
    const type = await t.database.db.selectFrom('procedure_type').select('id').where('is_active', '=', true).executeTakeFirstOrThrow();
    const p = await worker.json<{ id: string }>('POST', `/api/cases/${c.id}/procedures`, { procedureTypeId: type.id, subject: 'Domanda di contributo', startedOn: '2000-02-01' });
    expect(p.status).toBe(200);
    const procedures = await page(colleague, 'procedures', '?limit=5');
    const item = procedures.items.find((i) => i.procedure?.id === p.body.id);
    expect(item?.days).toBeLessThan(0);
    expect(item?.procedure?.subject).toBe('Domanda di contributo');

    // Activity on the case (the procedure) takes it off the inactivity list.
    expect((await page(worker, 'inactive', '?limit=100')).items.map((i) => i.caseId)).not.toContain(c.id);

    await t.database.db.deleteFrom('worklist_seen').where('user_id', '=', ids.assistente!).execute();
    const counted = await summary(worker);
    expect(counted.review).toBeGreaterThanOrEqual(1);
    expect(counted.procedures).toBeGreaterThanOrEqual(1);
    expect(counted.total).toBe(counted.review + counted.inactive + counted.procedures);
    expect(counted.unseen).toBe(counted.total);
    const seen = await worker.json<WorklistSummary>('POST', '/api/worklist/seen');
    expect(seen.status).toBe(200);
    expect(seen.body.unseen).toBe(0);
    expect(seen.body.total).toBe(counted.total);
    expect((await page(worker, 'review', '?limit=5')).items.find((i) => i.caseId === c.id)?.isNew).toBe(false);
    // Seen up to a day before the review date passed: the case counts as new again.
    await t.database.db.updateTable('worklist_seen').set({ seen_on: '2000-01-03' }).where('user_id', '=', ids.assistente!).execute();
    const again = await summary(worker);
    expect(again.unseen).toBeGreaterThanOrEqual(2);
    expect((await page(worker, 'review', '?limit=5')).items.find((i) => i.caseId === c.id)?.isNew).toBe(true);
    // Other users keep their own marker.
    expect((await summary(manager)).seenOn).not.toBe('2000-01-03');
  });

  it('"near the deadline" follows the manager\'s setting: on the worklist, on the case page and in the overdue list', async () => {
    const type = await t.database.db.selectFrom('procedure_type').select(['id', 'legal_deadline_days']).where('is_active', '=', true).where('legal_deadline_days', '>', 12).executeTakeFirstOrThrow();
    const d = await aCase(worker, (await personsIn(t, CASTEL_MAGGIORE, 2)).slice(1));
    const startedOn = shiftDate(dayInRome(), 12 - type.legal_deadline_days);
    const started = await worker.json<Procedure>('POST', `/api/cases/${d.id}/procedures`, { procedureTypeId: type.id, subject: 'Domanda di servizio domiciliare', startedOn });
    expect(started.body).toMatchObject({ daysRemaining: 12, state: 'running' });
    const listed = async () => (await page(worker, 'procedures', '?limit=100')).items.some((i) => i.procedure?.id === started.body.id);
    const overdue = async () => (await worker.json<DeadlineRow[]>('GET', '/api/procedures/overdue')).body.some((r) => r.procedureId === started.body.id);
    expect([await listed(), await overdue()]).toEqual([false, false]);

    expect((await manager.request('PUT', '/api/case-settings/settings', { nearDeadlineDays: 91 })).statusCode).toBe(400);
    const saved = await manager.json<CaseSettings>('PUT', '/api/case-settings/settings', { nearDeadlineDays: 15 });
    expect(saved.body).toMatchObject({ nearDeadlineDays: 15, inactivityDays: 60 });
    expect([await listed(), await overdue()]).toEqual([true, true]);
    expect((await page(worker, 'procedures', '?limit=1')).nearDeadlineDays).toBe(15);
    const onCase = await worker.json<Procedure[]>('GET', `/api/cases/${d.id}/procedures`);
    expect(onCase.body[0]?.state).toBe('near');
    // An explicit window still wins over the setting.
    expect((await worker.json<DeadlineRow[]>('GET', '/api/procedures/overdue?withinDays=3')).body.some((r) => r.procedureId === started.body.id)).toBe(false);
    await manager.json<CaseSettings>('PUT', '/api/case-settings/settings', { nearDeadlineDays: 7 });
  });
});
