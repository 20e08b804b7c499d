import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, postgresTemplateName, serverUrl, testEngine } from '../../../test/support/engine.ts';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';

/** A free TCP port on the loopback, as a process manager would assign. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => { resolve(port); });
    });
    probe.on('error', reject);
  });

/** `trama serve` as a real process on the database; resolves once it answers. */
async function serve(url: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${String(port)}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`trama serve exited with ${String(child.exitCode)}`);
    const ready = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (ready) return { base, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.runIf(testEngine === 'postgres')('two server processes on one database, behind a proxy', { timeout: 180_000 }, () => {
  const name = `${postgresTemplateName}_two_${randomBytes(4).toString('hex')}`;
  const servers: { base: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`);
    await admin.end();
    servers.push(...(await Promise.all([serve(databaseUrl(name)), serve(databaseUrl(name))])));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map(({ child }) => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); })));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('a session opened on one process is served by the other, and ended there for both', async () => {
    const a = servers[0]!;
    const b = servers[1]!;
    const signIn = await fetch(`${a.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sportello', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    // The proxy sends the next requests to the other process.
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('sportello');
    const search = await fetch(`${b.base}/api/persons?q=Rossi`, { headers: { cookie } });
    expect(search.status).toBe(200);

    const logout = await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBeLessThan(300);
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});
