import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { BOLOGNA, personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import type { BreakGlassGrant, CaseDetail, CaseExistence } from './cases.schemas.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from './cases-test-kit.ts';
import { clock } from '../../platform/time/clock.ts';

describe('who sees a case: full content, existence only, nothing; break the glass', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let outsider: Client & { userId: string };
  let c: CaseDetail;
  let persons: string[];

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    manager = await login(t.app, 'responsabile');
    outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    persons = await personsIn(t, CASTEL_MAGGIORE, 2);
    c = await aCase(worker, persons);
  });
  afterAll(() => t.close());

  const contentKeys = ['persons', 'needAreaCodes', 'statusHistory', 'transfers', 'nextReviewOn'];
  const noContent = (body: object) => {
    for (const key of contentKeys) expect(body).not.toHaveProperty(key);
  };

  it('the owner, the team and the manager read the full case, and each read is logged per person', async () => {
    for (const [client, who] of [
      [worker, 'owner'],
      [manager, 'manager'],
      [await login(t.app, 'assistente2'), 'team member'],
    ] as const) {
      const before = await caseLogCount(t, c.id, 'read');
      const read = await client.json<CaseDetail>('GET', `/api/cases/${c.id}`);
      expect(read.body.access, who).toBe('full');
      expect(read.body.persons).toHaveLength(2);
      expect(await caseLogCount(t, c.id, 'read'), who).toBe(before + 2);
    }
    const before = await caseLogCount(t, c.id, 'search');
    await worker.json('GET', '/api/cases?scope=mine');
    expect(await caseLogCount(t, c.id, 'search')).toBe(before + 2);
  });

  it('a social worker of the territory outside the team gets no content from any endpoint', async () => {
    const detail = await outsider.json<CaseExistence>('GET', `/api/cases/${c.id}`);
    expect(detail.body).toMatchObject({ access: 'exists', reference: c.reference, status: 'open', owner: { id: c.owner.id } });
    noContent(detail.body);
    const list = await outsider.json<CaseExistence[]>('GET', '/api/cases?scope=territory');
    const row = list.body.find((r) => r.id === c.id);
    expect(row?.access).toBe('exists');
    noContent(row!);
    const [person] = await t.database.db.selectFrom('person').select(['family_name']).where('id', '=', persons[0]!).execute();
    const byName = await outsider.json<CaseExistence[]>('GET', `/api/cases?scope=territory&q=${encodeURIComponent(person!.family_name)}`);
    expect(byName.body.find((r) => r.id === c.id)).toBeUndefined();
    const personCases = await outsider.json<CaseExistence[]>('GET', `/api/persons/${persons[0]}/cases`);
    const mine = personCases.body.find((r) => r.id === c.id);
    expect(mine?.access).toBe('exists');
    noContent(mine!);
    for (const [method, url, body] of [
      ['PATCH', `/api/cases/${c.id}`, { nextReviewOn: '2030-01-01', version: c.version }],
      ['POST', `/api/cases/${c.id}/status`, { to: 'assessing', reason: 'Prova', version: c.version }],
      ['POST', `/api/cases/${c.id}/persons`, { personId: persons[1], role: 'other', version: c.version }],
      ['POST', `/api/cases/${c.id}/transfer`, { ownerId: outsider.userId, reason: 'Prova', version: c.version }],
      ['GET', `/api/cases/${c.id}/eligible-owners`, undefined],
    ] as const) {
      const reply = await outsider.request(method, url, body);
      expect(reply.statusCode, url).toBe(403);
      expect(reply.body).not.toContain(persons[0]);
    }
    expect(await caseLogCount(t, c.id, 'read', { userId: outsider.userId })).toBe(0);
  });

  it('break the glass: a stated reason gives logged, time-limited access that the manager is shown', async () => {
    const noReason = await outsider.json('POST', `/api/cases/${c.id}/break-glass`, { reason: '' });
    expect(noReason.status).toBe(400);
    const opened = await outsider.json<CaseDetail>('POST', `/api/cases/${c.id}/break-glass`, { reason: 'Emergenza notturna, reperibilità' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.persons).toHaveLength(2);
    const minutes = (Date.parse(opened.body.breakGlassUntil!) - clock.nowMs()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
    // The outsider's refused attempts of the test before are logged too (outcome refused): the access is what counts here.
    const logged = await t.database.db
      .selectFrom('access_log')
      .select('purpose')
      .where('user_id', '=', outsider.userId)
      .where('record_id', '=', c.id)
      .where('record_type', '=', 'case')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(logged).toHaveLength(2);
    expect(logged[0]!.purpose).toContain('Emergenza notturna');
    const again = await outsider.json<CaseDetail>('GET', `/api/cases/${c.id}`);
    expect(again.body.access).toBe('full');

    const events = await manager.json<BreakGlassGrant[]>('GET', '/api/cases/break-glass-events');
    expect(events.body.find((e) => e.caseId === c.id)).toMatchObject({ user: { id: outsider.userId }, reason: 'Emergenza notturna, reperibilità' });
    expect((await worker.request('GET', '/api/cases/break-glass-events')).statusCode).toBe(403);

    // The time passes: the grant expires and the case is existence-only again.
    await sql`UPDATE case_access_grant SET granted_at = trama_now() - interval '2 hours', expires_at = trama_now() - interval '1 hour' WHERE user_id = ${outsider.userId}`.execute(t.database.db);
    const expired = await outsider.json<CaseExistence>('GET', `/api/cases/${c.id}`);
    expect(expired.body.access).toBe('exists');
    noContent(expired.body);
  });

  it('the owner cannot break the glass of a case already readable', async () => {
    expect((await worker.json('POST', `/api/cases/${c.id}/break-glass`, { reason: 'Non serve' })).status).toBe(409);
  });

  it('the front desk learns only that a case exists and whom to call', async () => {
    const desk = await login(t.app, 'sportello');
    const detail = await desk.json<CaseExistence>('GET', `/api/cases/${c.id}`);
    expect(detail.body).toMatchObject({ access: 'exists', status: null, owner: { displayName: c.owner.displayName } });
    noContent(detail.body);
    const rows = await desk.json<CaseExistence[]>('GET', `/api/persons/${persons[0]}/cases`);
    expect(rows.body.length).toBeGreaterThan(0);
    for (const row of rows.body) expect(row).toMatchObject({ access: 'exists', status: null });
    expect(rows.body.find((row) => row.id === c.id)?.owner.displayName).toBe(c.owner.displayName);
    const logged = await t.database.db.selectFrom('access_log').select('person_id').where('record_type', '=', 'case_existence').where('record_id', '=', c.id).execute();
    expect(logged.map((row) => row.person_id)).toContain(persons[0]);
    expect((await desk.request('GET', '/api/cases?scope=territory')).statusCode).toBe(403);
    expect((await desk.request('POST', `/api/cases/${c.id}/break-glass`, { reason: 'Voglio vedere' })).statusCode).toBe(403);
  });

  it('provider, official, admin and citizen get nothing; a social worker of another territory gets 404', async () => {
    for (const username of ['fornitore', 'assessore', 'admin', 'cittadino']) {
      const client = await login(t.app, username);
      for (const url of [`/api/cases/${c.id}`, '/api/cases', `/api/persons/${persons[0]}/cases`]) {
        const reply = await client.request('GET', url);
        expect(reply.statusCode, `${username} ${url}`).toBe(403);
        expect(reply.body).not.toContain(c.reference);
      }
    }
    const elsewhere = await userWith(t, 'social_worker', 'municipality', BOLOGNA);
    expect((await elsewhere.request('GET', `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await elsewhere.request('POST', `/api/cases/${c.id}/break-glass`, { reason: 'Curiosità' })).statusCode).toBe(404);
    const far = await elsewhere.json<{ id: string }[]>('GET', `/api/persons/${persons[0]}/cases`);
    expect(far.body.find((row) => row.id === c.id)).toBeUndefined();
  });
});
