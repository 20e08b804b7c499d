import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';

const MAX_FAILURES = 5;

describe('login throttling per username and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: MAX_FAILURES });
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

  /** Moves every attempt of a username back in time: the throttle reads only trama_now() and the stored instants. */
  const age = (username: string, seconds: number) =>
    sql`UPDATE login_attempt SET at = at - make_interval(secs => ${seconds}) WHERE username = ${username}`.execute(t.database.db);

  const failuresRecorded = async (username: string, address: string) =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM login_attempt WHERE username = ${username} AND client_address = ${address} AND succeeded = false`.execute(
        t.database.db,
      )
    ).rows[0]!.n;

  it('checks at most the allowed number of passwords however many arrive in parallel, and then refuses even the right one', async () => {
    const address = '10.1.0.1';
    const wrong = Array.from({ length: 40 }, (_, i) => attempt('sportello', `wrong-password-${i}`, address));
    const right = attempt('sportello', DEMO_PASSWORD, address);
    const responses = await Promise.all([...wrong, right]);
    const statuses = responses.map((r) => r.statusCode);
    // 401 and 200 are passwords actually checked; everything else was refused before any check.
    const checked = statuses.filter((s) => s === 401 || s === 200).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(41 - checked);
    expect(await failuresRecorded('sportello', address)).toBeLessThanOrEqual(MAX_FAILURES);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ code: 'THROTTLED', message: expect.stringContaining('riprova tra') });

    // The pair is now delayed: the right password, sent in parallel, is refused without being checked.
    const again = await Promise.all(Array.from({ length: 5 }, () => attempt('sportello', DEMO_PASSWORD, address)));
    expect(again.map((r) => r.statusCode)).toEqual([429, 429, 429, 429, 429]);
  });

  it('waits longer after each further failure, and lets the right password in once the wait is over', async () => {
    const address = '10.1.0.2';
    for (let i = 0; i < MAX_FAILURES; i++) expect((await attempt('assistente', `wrong-${i}`, address)).statusCode).toBe(401);
    const first = await attempt('assistente', DEMO_PASSWORD, address);
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('30');

    await age('assistente', 31);
    expect((await attempt('assistente', 'wrong-again', address)).statusCode).toBe(401);
    const second = await attempt('assistente', DEMO_PASSWORD, address);
    expect(second.headers['retry-after']).toBe('60');

    await age('assistente', 61);
    expect((await attempt('assistente', DEMO_PASSWORD, address)).statusCode).toBe(200);
    // A success forgets the pair's failures: one more typo is just a 401.
    expect((await attempt('assistente', 'one-typo', address)).statusCode).toBe(401);
  });

  it('never waits longer than TRAMA_LOGIN_LOCK_MINUTES', async () => {
    const address = '10.1.0.3';
    const values = Array.from({ length: 30 }, () => sql`(${'nessuno.qui'}, ${address}, false, trama_now())`);
    await sql`INSERT INTO login_attempt (username, client_address, succeeded, at) VALUES ${sql.join(values)}`.execute(t.database.db);
    const response = await attempt('nessuno.qui', 'whatever-password', address);
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBe(t.config.loginLockMinutes * 60);
    expect(response.json().message).toContain('15 minuti');
  });

  it('wrong passwords from one address do not block the right password from another', async () => {
    for (let i = 0; i < MAX_FAILURES + 2; i++) await attempt('admin', `guess-${i}`, '203.0.113.9');
    expect((await attempt('admin', DEMO_PASSWORD, '203.0.113.9')).statusCode).toBe(429);
    expect((await attempt('admin', DEMO_PASSWORD, '10.1.0.4')).statusCode).toBe(200);
  });

  it('invented usernames from one address do not block a real user’s correct login from it', async () => {
    const address = '10.1.0.5';
    for (let i = 0; i < 25; i++) expect((await attempt(`inventato.${i}`, 'some-wrong-password', address)).statusCode).toBe(401);
    expect((await attempt('responsabile', DEMO_PASSWORD, address)).statusCode).toBe(200);
  });

  it('past the per-address ceiling only usernames that signed in there lately still may', async () => {
    const address = '10.1.0.6';
    expect((await attempt('amministrativo', DEMO_PASSWORD, address)).statusCode).toBe(200);
    const values = Array.from({ length: t.config.loginAddressMaxFailures }, (_, i) => sql`(${`spray.${i}`}, ${address}, false)`);
    await sql`INSERT INTO login_attempt (username, client_address, succeeded) VALUES ${sql.join(values)}`.execute(t.database.db);
    expect((await attempt('altro.inventato', 'some-wrong-password', address)).statusCode).toBe(429);
    expect((await attempt('amministrativo', DEMO_PASSWORD, address)).statusCode).toBe(200);
  });
});
