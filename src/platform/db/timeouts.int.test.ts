import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, testEngine } from '../../../test/support/engine.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';

/** A second session on the same database, as an operator's psql: it holds the case settings row locked until `release()`. */
async function lockSettingsRow(t: TestApp) {
  const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db)).rows[0]!.name;
  const other = new pg.Client({ connectionString: databaseUrl(name) });
  // pg_stat_activity is read outside the locking transaction, which would see one frozen snapshot of it.
  const watcher = new pg.Client({ connectionString: databaseUrl(name) });
  await Promise.all([other.connect(), watcher.connect()]);
  await other.query('BEGIN');
  await other.query('SELECT * FROM case_settings FOR UPDATE');
  return {
    /** Sessions of this database stuck waiting for a lock (the requests queued behind this one). */
    waiters: async () =>
      (await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [name])).rows[0]!.n,
    release: async () => {
      await other.query('ROLLBACK');
      await Promise.all([other.end(), watcher.end()]);
    },
  };
}

/** Polls (not a timed assertion) until `condition` holds. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

const saveSettings = (manager: Client, inactivityDays: number) => manager.request('PUT', '/api/case-settings/settings', { inactivityDays });

describe.runIf(testEngine === 'postgres')('a row locked for long by someone else', () => {
  let t: TestApp;
  let manager: Client;
  beforeAll(async () => {
    t = await startTestApp({}, { lockTimeoutMs: 300, poolWaitMs: 60_000 });
    manager = await login(t.app, 'responsabile');
  });
  afterAll(() => t.close());

  it('a save waiting for the lock gives up after TRAMA_DB_LOCK_TIMEOUT_MS: 503 with Retry-After, not a request hanging', async () => {
    const lock = await lockSettingsRow(t);
    // The lock is released only after the answer: without a lock timeout this request would never return.
    const blocked = await saveSettings(manager, 45).finally(() => lock.release());
    expect(blocked.statusCode).toBe(503);
    expect(blocked.headers['retry-after']).toBe('5');
    expect(blocked.json()).toMatchObject({ code: 'UNAVAILABLE', messageEn: 'This data is being changed by another operation: try again in a moment.' });
    expect((await saveSettings(manager, 45)).statusCode).toBe(200);
  });
});

describe.runIf(testEngine === 'postgres')('every connection of the pool taken', () => {
  let t: TestApp;
  let manager: Client;
  let lock: Awaited<ReturnType<typeof lockSettingsRow>> | undefined;
  beforeAll(async () => {
    t = await startTestApp({}, { poolSize: 2, lockTimeoutMs: 60_000, poolWaitMs: 60_000 });
    manager = await login(t.app, 'responsabile');
  });
  afterEach(async () => {
    await lock?.release();
    lock = undefined;
  });
  afterAll(() => t.close());

  it('liveness still answers, readiness says the pool is exhausted, and the requests finish once the lock goes', async () => {
    lock = await lockSettingsRow(t);
    // Two saves hold both connections waiting for the row; then a third request waits for a connection.
    const saves = [saveSettings(manager, 50), saveSettings(manager, 51)];
    await until(async () => (await lock!.waiters()) === 2);
    const waiting = manager.request('GET', '/api/case-settings/settings');
    await until(() => t.database.poolWaiting() > 0);

    const live = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    for (const url of ['/api/health', '/api/health/ready']) {
      const ready = await t.app.inject({ method: 'GET', url });
      expect(ready.statusCode).toBe(503);
      // The database itself answers on readiness's own connection: only the pool is exhausted.
      expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { database: 'ok', migrations: 'ok', pool: 'exhausted', shutdown: 'ok' } });
    }

    await lock.release();
    lock = undefined;
    expect((await Promise.all(saves)).map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await waiting).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  });

  it('a request that gets no connection within TRAMA_DB_POOL_WAIT_MS is answered 503 with Retry-After', async () => {
    const quick = await startTestApp({}, { poolSize: 1, lockTimeoutMs: 60_000, poolWaitMs: 200 });
    try {
      const boss = await login(quick.app, 'responsabile');
      lock = await lockSettingsRow(quick);
      const holding = saveSettings(boss, 52);
      await until(async () => (await lock!.waiters()) === 1);
      const starved = await boss.request('GET', '/api/case-settings/settings');
      expect(starved.statusCode).toBe(503);
      expect(starved.headers['retry-after']).toBe('5');
      expect(starved.json()).toMatchObject({ code: 'UNAVAILABLE', messageEn: 'The server is overloaded right now: try again in a moment.' });
      await lock.release();
      lock = undefined;
      expect((await holding).statusCode).toBe(200);
    } finally {
      await quick.close();
    }
  });
});
