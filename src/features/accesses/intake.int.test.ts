import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { anAccess, BOLOGNA, CASTEL_MAGGIORE, hoursAgo, municipalityCode, personsIn, userWith } from './access-test-kit.ts';
import type { Access } from './accesses.schemas.ts';
import type { EligibleWorker, IntakeItem } from './intake.schemas.ts';

describe('intake queue', () => {
  let t: TestApp;
  let desk: Client;
  let manager: Client;
  let worker: Client;
  let person: string;
  const ids = { assistente: '', sportello: '' };

  async function referral(urgency: string, hours: number, municipality = CASTEL_MAGGIORE, personId = person): Promise<Access> {
    const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ occurredAt: hoursAgo(hours), municipalityCode: municipality, persons: [{ personId }], outcome: 'referral', referralUrgency: urgency }));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    manager = await login(t.app, 'responsabile');
    worker = await login(t.app, 'assistente');
    [person = ''] = await personsIn(t, CASTEL_MAGGIORE, 1);
    const users = await t.database.db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', ['assistente', 'sportello']).execute();
    for (const user of users) ids[user.username as keyof typeof ids] = user.id;
  });
  afterAll(() => t.close());

  it('lists urgent referrals first, then the longest waiting, with person, need, request and days waiting', async () => {
    const old = await referral('ordinary', 24 * 400);
    const urgent = await referral('urgent', 2);
    const priority = await referral('priority', 24 * 3);
    const queue = await worker.json<IntakeItem[]>('GET', '/api/intake?status=waiting');
    expect(queue.status).toBe(200);
    const rank = { urgent: 0, priority: 1, ordinary: 2 };
    for (let i = 1; i < queue.body.length; i++) {
      const [a, b] = [queue.body[i - 1]!, queue.body[i]!];
      expect(rank[a.urgency] < rank[b.urgency] || (a.urgency === b.urgency && a.referredAt <= b.referredAt)).toBe(true);
    }
    const positions = [urgent, priority, old].map((access) => queue.body.findIndex((item) => item.accessId === access.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const oldItem = queue.body.find((item) => item.accessId === old.id);
    expect(oldItem).toMatchObject({ daysWaiting: 400, needAreaCode: 'ELD', status: 'waiting', assignedTo: null });
    expect(oldItem?.persons[0]?.personId).toBe(person);
    expect(oldItem?.request).toContain('assistenza domiciliare');
  });

  it('the front desk cannot read the queue; only the manager assigns', async () => {
    expect((await desk.request('GET', '/api/intake')).statusCode).toBe(403);
    const access = await referral('ordinary', 5);
    const itemId = access.intake?.id ?? '';
    expect((await worker.request('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 1 })).statusCode).toBe(403);
    expect((await desk.request('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 1 })).statusCode).toBe(403);
    expect((await worker.request('GET', `/api/intake/${itemId}/eligible-workers`)).statusCode).toBe(403);
  });

  it('assigns only to a social worker whose grants cover the municipality, with the version seen', async () => {
    const access = await referral('priority', 6);
    const itemId = access.intake?.id ?? '';
    const boWorker = await userWith(t, 'social_worker', 'municipality', BOLOGNA);
    const eligible = await manager.json<EligibleWorker[]>('GET', `/api/intake/${itemId}/eligible-workers`);
    const names = eligible.body.map((w) => w.id);
    expect(names).toContain(ids.assistente);
    expect(names).not.toContain(ids.sportello);
    expect(names).not.toContain(boWorker.userId);

    for (const userId of [ids.sportello, boWorker.userId]) {
      const refused = await manager.request('POST', `/api/intake/${itemId}/assign`, { userId, version: 1 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details[0].path).toBe('userId');
    }
    const assigned = await manager.json<IntakeItem>('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 1 });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', version: 2, assignedTo: { id: ids.assistente } });
    const stale = await manager.request('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ version: 2, status: 'assigned' });

    const mine = await worker.json<IntakeItem[]>('GET', '/api/intake?mine=true');
    expect(mine.body.map((i) => i.id)).toContain(itemId);
    expect(mine.body.every((i) => i.assignedTo?.id === ids.assistente)).toBe(true);
    const other = await login(t.app, 'assistente2');
    expect((await other.json<IntakeItem[]>('GET', '/api/intake?mine=true')).body.map((i) => i.id)).not.toContain(itemId);
  });

  it('a worker of the same municipality only (a municipality grant) is eligible too', async () => {
    const local = await userWith(t, 'social_worker', 'municipality', CASTEL_MAGGIORE);
    const access = await referral('ordinary', 7);
    const assigned = await manager.json<IntakeItem>('POST', `/api/intake/${access.intake?.id}/assign`, { userId: local.userId, version: 1 });
    expect(assigned.status).toBe(200);
    const argelato = await municipalityCode(t, 'Argelato');
    const [argelatoPerson = ''] = await personsIn(t, argelato, 1);
    const elsewhere = await referral('ordinary', 7, argelato, argelatoPerson);
    expect((await manager.request('POST', `/api/intake/${elsewhere.intake?.id}/assign`, { userId: local.userId, version: 1 })).statusCode).toBe(400);
  });

  it('the assigned worker or the manager closes an item with a reason; a closed item cannot be assigned', async () => {
    const access = await referral('ordinary', 8);
    const itemId = access.intake?.id ?? '';
    await manager.json('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 1 });
    const other = await login(t.app, 'assistente2');
    expect((await other.request('POST', `/api/intake/${itemId}/close`, { reason: 'resolved', version: 2 })).statusCode).toBe(403);
    expect((await worker.request('POST', `/api/intake/${itemId}/close`, { reason: 'whatever', version: 2 })).statusCode).toBe(400);
    const closed = await worker.json<IntakeItem>('POST', `/api/intake/${itemId}/close`, { reason: 'not_pertinent', version: 2 });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'not_pertinent', version: 3 });
    expect((await manager.request('POST', `/api/intake/${itemId}/assign`, { userId: ids.assistente, version: 3 })).statusCode).toBe(409);
    const open = await manager.json<IntakeItem[]>('GET', '/api/intake');
    expect(open.body.map((i) => i.id)).not.toContain(itemId);
    const all = await manager.json<IntakeItem[]>('GET', '/api/intake?status=closed');
    expect(all.body.map((i) => i.id)).toContain(itemId);
    const waiting = await referral('urgent', 1);
    const byManager = await manager.json<IntakeItem>('POST', `/api/intake/${waiting.intake?.id}/close`, { reason: 'duplicate', version: 1 });
    expect(byManager.body.status).toBe('closed');
  });

  it('a social worker of another territory does not see the queue items of Castel Maggiore', async () => {
    const boWorker = await userWith(t, 'social_worker', 'municipality', BOLOGNA);
    const queue = await boWorker.json<IntakeItem[]>('GET', '/api/intake?status=all');
    expect(queue.status).toBe(200);
    expect(queue.body.every((i) => i.municipalityCode === BOLOGNA)).toBe(true);
    const access = await referral('ordinary', 9);
    expect((await boWorker.request('POST', `/api/intake/${access.intake?.id}/close`, { reason: 'resolved', version: 1 })).statusCode).toBe(404);
  });
});
