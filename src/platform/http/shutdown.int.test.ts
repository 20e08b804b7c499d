import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';
import { runTrama, spawnServe, type ServeProcess } from '../../../test/support/cli-process.ts';
import { testEngine } from '../../../test/support/engine.ts';
import { createEmptyServerDatabase, createTemplateServerDatabase } from '../../../test/support/test-database.ts';

/** Polls (not a timed assertion) until `condition` holds. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function signIn(base: string, username: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = /trama_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

// A real `trama serve` on the PostgreSQL server: the signals, the listener and the exit code are the process's own.
describe.runIf(testEngine === 'postgres')('stopping the server (SIGTERM)', { timeout: 180_000 }, () => {
  let server: ServeProcess | undefined;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('turns readiness 503 at once, lets the request in flight finish, then exits 0', async () => {
    const url = await createTemplateServerDatabase();
    // Applied migrations: the default with DATABASE_URL (no migration on start) lets it start.
    server = spawnServe({ DATABASE_URL: url, TRAMA_DB_LOCK_TIMEOUT_MS: '120000', TRAMA_SHUTDOWN_GRACE_MS: '120000' });
    const base = await server.ready;
    const headers = await signIn(base, 'responsabile');

    // A save held in flight by a row lock from another session (an operator's psql).
    const other = new pg.Client({ connectionString: url });
    const watcher = new pg.Client({ connectionString: url });
    await Promise.all([other.connect(), watcher.connect()]);
    await other.query('BEGIN');
    await other.query('SELECT * FROM case_settings FOR UPDATE');
    const save = fetch(`${base}/api/case-settings/settings`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ inactivityDays: 77 }),
    });
    await until(async () => (await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rows[0]!.n === 1);

    server.child.kill('SIGTERM');
    await until(async () => (await fetch(`${base}/api/health/ready`)).status === 503);
    const ready = await fetch(`${base}/api/health`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { shutdown: 'draining', database: 'ok' } });
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    const turnedAway = await fetch(`${base}/api/auth/me`, { headers });
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers.get('retry-after')).toBe('5');
    expect(server.child.exitCode).toBeNull();

    await other.query('ROLLBACK');
    const saved = await save;
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ inactivityDays: 77 });
    expect(await server.exited).toBe(0);
    await Promise.all([other.end(), watcher.end()]);
    expect(server.output()).toContain('"drained":true');
  });

  it('on a server database still missing migrations, refuses to start and says to run npx trama migrate', async () => {
    const url = await createEmptyServerDatabase();
    const run = runTrama({ DATABASE_URL: url }, 'serve');
    expect(run.status).toBe(1);
    expect(run.out).toContain('eseguire "npx trama migrate", poi riavviare');
    expect(run.out).toContain('run "npx trama migrate", then start again (or set TRAMA_MIGRATE_ON_START=true)');
    expect(run.out).not.toContain('Trama is ready');
    // Nothing was applied behind the operator's back.
    expect(runTrama({ DATABASE_URL: url }, 'migrate', '--status').out).toMatch(/ 0 applied, \d+ pending/);
  });
});
