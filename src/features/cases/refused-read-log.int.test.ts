import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { AccessLogPage } from '../../platform/audit/access-log.schemas.ts';
import { personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import type { CaseDetail } from './cases.schemas.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from './cases-test-kit.ts';

describe('a refused read of case content is logged', () => {
  let t: TestApp;
  let manager: Client;
  let outsider: Client & { userId: string };
  let c: CaseDetail;
  let persons: string[];

  beforeAll(async () => {
    t = await startTestApp();
    manager = await login(t.app, 'responsabile');
    outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    persons = await personsIn(t, CASTEL_MAGGIORE, 2);
    c = await aCase(await login(t.app, 'assistente'), persons);
  });
  afterAll(() => t.close());

  it('a worker who only knows the case exists gets a 403, and the attempt stays in the access log, marked refused', async () => {
    const diary = await outsider.request('GET', `/api/cases/${c.id}/diary`);
    expect(diary.statusCode).toBe(403);
    expect(diary.body).not.toContain(persons[0]);
    expect(await caseLogCount(t, c.id, 'read', { userId: outsider.userId, recordType: 'case_diary', outcome: 'refused' })).toBe(c.persons.length);
    expect(await caseLogCount(t, c.id, 'read', { userId: outsider.userId, recordType: 'case_diary' })).toBe(0);

    const patch = await outsider.request('PATCH', `/api/cases/${c.id}`, { nextReviewOn: '2030-01-01', version: c.version });
    expect(patch.statusCode).toBe(403);
    expect(await caseLogCount(t, c.id, 'update', { userId: outsider.userId, outcome: 'refused' })).toBe(c.persons.length);
  });

  it('the manager sees the refused attempt on the audit page and in "who read this person"', async () => {
    await outsider.request('GET', `/api/cases/${c.id}/diary`);
    const audit = await manager.json<AccessLogPage>('GET', `/api/access-log?userId=${outsider.userId}`);
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.body.items.every((row) => row.outcome === 'refused')).toBe(true);
    const person = await manager.json<AccessLogPage>('GET', `/api/persons/${persons[0]}/access-log`);
    expect(person.body.items.find((row) => row.userId === outsider.userId)).toMatchObject({ outcome: 'refused', recordType: 'case_diary', action: 'read' });
    expect(person.body.items.find((row) => row.userId !== outsider.userId)?.outcome).toBe('allowed');
  });
});
