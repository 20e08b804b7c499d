import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';

const MAX_FAILURES = 5;

describe('unlock and password change take a limited number of wrong passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: MAX_FAILURES });
  });
  afterAll(() => t.close());

  const recorded = async (username: string, kind: string) =>
    (
      await sql<{ failed: number; succeeded: number }>`
        SELECT count(*) FILTER (WHERE succeeded = false)::int AS failed, count(*) FILTER (WHERE succeeded)::int AS succeeded
        FROM login_attempt WHERE username = ${username} AND kind = ${kind}`.execute(t.database.db)
    ).rows[0]!;

  it('30 wrong unlock passwords in parallel, then the right one: the session ends and the failures are recorded', async () => {
    const client = await login(t.app, 'sportello');
    expect((await client.request('POST', '/api/auth/lock')).statusCode).toBe(200);
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => client.request('POST', '/api/auth/unlock', { password: `guess-${i}` })));
    expect(guesses.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const right = await client.request('POST', '/api/auth/unlock', { password: DEMO_PASSWORD });
    expect(right.statusCode).not.toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const rows = await recorded('sportello', 'unlock');
    expect(rows.failed).toBeGreaterThan(0);
    expect(rows.failed).toBeLessThanOrEqual(MAX_FAILURES);
    expect(rows.succeeded).toBe(0);
  });

  it('tells how many attempts are left, then ends the session after the last one', async () => {
    const client = await login(t.app, 'assistente');
    expect((await client.request('POST', '/api/auth/lock')).statusCode).toBe(200);
    for (let i = 1; i < MAX_FAILURES; i++) {
      const wrong = await client.request('POST', '/api/auth/unlock', { password: `wrong-${i}` });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('UNAUTHENTICATED');
      expect(wrong.json().message).toContain(MAX_FAILURES - i === 1 ? 'Ancora 1 tentativo' : `Ancora ${MAX_FAILURES - i} tentativi`);
    }
    const last = await client.request('POST', '/api/auth/unlock', { password: 'wrong-last' });
    expect(last.statusCode).toBe(401);
    expect(last.json()).toMatchObject({ code: 'SESSION_ENDED', message: expect.stringContaining('Accedi di nuovo') });
    expect((await client.request('POST', '/api/auth/unlock', { password: DEMO_PASSWORD })).statusCode).toBe(401);
  });

  it('a right unlock forgets earlier mistakes of the session', async () => {
    const client = await login(t.app, 'responsabile');
    for (let round = 0; round < 2; round++) {
      expect((await client.request('POST', '/api/auth/lock')).statusCode).toBe(200);
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await client.request('POST', '/api/auth/unlock', { password: `typo-${i}` })).statusCode).toBe(401);
      // The typos aged out of the pair's delay, as a person retyping would let them.
      await sql`UPDATE login_attempt SET at = at - interval '1 hour' WHERE username = 'responsabile'`.execute(t.database.db);
      expect((await client.request('POST', '/api/auth/unlock', { password: DEMO_PASSWORD })).statusCode).toBe(200);
    }
  });

  it('wrong current passwords on a password change end the session after the limit, and are recorded', async () => {
    const client = await login(t.app, 'amministrativo');
    const body = (i: number) => ({ currentPassword: `not-mine-${i}`, newPassword: 'tre-gatti-sul-tetto' });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => client.request('POST', '/api/auth/password', body(i))));
    expect(responses.some((r) => r.json<{ code: string }>().code === 'SESSION_ENDED')).toBe(true);
    expect((await client.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'tre-gatti-sul-tetto' })).statusCode).toBe(401);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const rows = await recorded('amministrativo', 'password');
    expect(rows.failed).toBeGreaterThan(0);
    expect(rows.failed).toBeLessThanOrEqual(MAX_FAILURES);
  });
});
