import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, testEngine } from '../../../test/support/engine.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';

/** Ends every connection the server holds to its database, as a failover or an administrator would. */
async function terminateBackends(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

describe.runIf(testEngine === 'postgres')('a dropped database connection', () => {
  let t: TestApp;
  let desk: Client;
  let name: string;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db)).rows[0]!.name;
  });
  afterAll(() => t.close());

  it('does not end the server: its connections cut, the next requests are answered', async () => {
    expect((await desk.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect(await terminateBackends(name)).toBeGreaterThan(0);
    // The pool notices the broken idle connections and opens new ones; a request may still meet one that
    // broke unnoticed: it is answered 503 with Retry-After, never 500, and the next one succeeds.
    const first = await desk.request('GET', '/api/auth/me');
    expect([200, 503]).toContain(first.statusCode);
    if (first.statusCode === 503) {
      expect(first.headers['retry-after']).toBe('5');
      expect(first.json()).toMatchObject({ code: 'UNAVAILABLE', messageEn: expect.stringContaining('try again') });
    }
    const later = await desk.request('GET', '/api/auth/me');
    expect(later.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
