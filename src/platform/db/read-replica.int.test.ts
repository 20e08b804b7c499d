import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicaServerUrl, serverUrl, testEngine } from '../../../test/support/engine.ts';
import { pauseReplay, waitForReplay } from '../../../test/support/replica.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { RegistryStats } from '../../features/registry/registry.schemas.ts';

const REPORTS = ['/api/registry/stats', '/api/accesses/stats', '/api/reports/timeliness?from=2026-01-01&to=2026-03-31&groupBy=month'];

interface Readiness {
  status: string;
  replica?: { status: string; lagBytes: number | null; lagSeconds: number | null };
}

/** A municipality whose person count is shown (five or more), and that count. */
async function shownCount(manager: Client): Promise<{ code: string; persons: number }> {
  const stats = await manager.json<RegistryStats>('GET', '/api/registry/stats');
  expect(stats.status).toBe(200);
  const row = stats.body.rows.find((r) => r.persons !== null)!;
  return { code: row.municipalityCode, persons: row.persons! };
}

const countOf = async (manager: Client, code: string) =>
  (await manager.json<RegistryStats>('GET', '/api/registry/stats')).body.rows.find((r) => r.municipalityCode === code)?.persons;

describe.runIf(testEngine === 'postgres' && replicaServerUrl !== undefined)('aggregate reports on a streaming replica', () => {
  let t: TestApp;
  let manager: Client;
  let primaryUrl: string;
  let replicaUrl: string | undefined;
  beforeAll(async () => {
    t = await startTestApp({}, { replicaServer: replicaServerUrl! });
    manager = await login(t.app, 'responsabile');
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db)).rows[0]!.name;
    primaryUrl = new URL(`/${name}`, serverUrl).toString();
    replicaUrl = new URL(`/${name}`, replicaServerUrl).toString();
  });
  afterAll(async () => {
    // Never leave the shared replica paused, whatever failed.
    if (replicaUrl) await pauseReplay(replicaUrl, false);
    await t.close();
  });

  it('a report answers what the replica has replayed; personal data is read on the primary', async () => {
    const before = await shownCount(manager);
    // Replay held: the replica keeps answering as it stood, whatever the primary receives meanwhile.
    await pauseReplay(replicaUrl!, true);
    try {
      const created = await manager.json<{ id: string }>('POST', '/api/persons', {
        person: { familyName: 'Replica', givenName: 'Prova', municipalityCode: before.code, preferredLanguage: 'it' },
      });
      expect(created.status).toBe(200);
      // The new person is there at once for who works with persons (the primary, access log written)…
      expect((await manager.request('GET', `/api/persons/${created.body.id}`)).statusCode).toBe(200);
      // …while the report, read on the replica, does not count it yet; readiness shows the replica behind.
      expect(await countOf(manager, before.code)).toBe(before.persons);
      const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(200);
      const replica = ready.json<Readiness>().replica!;
      expect(replica.status).toBe('ok');
      expect(replica.lagBytes).toBeGreaterThan(0);
    } finally {
      await pauseReplay(replicaUrl!, false);
    }
    await waitForReplay(primaryUrl, replicaUrl!);
    expect(await countOf(manager, before.code)).toBe(before.persons + 1);
    for (const url of REPORTS) expect((await manager.request('GET', url)).statusCode, url).toBe(200);
  });

  it('cannot write: a statement sent to the replica is refused as read-only', async () => {
    const write = t.database.readReplica!.db.updateTable('app_user').set({ display_name: 'scritto sulla replica' }).where('username', '=', 'responsabile').execute();
    await expect(write).rejects.toMatchObject({ code: '25006' });
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.runIf(testEngine === 'postgres')('a read replica that cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { replicaServer: `postgresql://postgres@127.0.0.1:${String(await closedPort())}/postgres`, skipReplayWait: true });
  });
  afterAll(() => t.close());

  it('costs only the reports (503, try again) and shows in readiness without making the server unready', async () => {
    const manager = await login(t.app, 'responsabile');
    for (const url of REPORTS) {
      const response = await manager.request('GET', url);
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.json()).toMatchObject({ code: 'UNAVAILABLE', messageEn: expect.stringContaining('try again') });
    }
    expect((await manager.request('GET', '/api/persons?q=Rossi')).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json<Readiness>().replica).toEqual({ status: 'unreachable', lagBytes: null, lagSeconds: null });
  });
});
