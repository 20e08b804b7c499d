import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { spawnServe, type ServeProcess } from './support/cli-process.ts';
import { testEngine, workDir } from './support/engine.ts';
import { createEmptyServerDatabase } from './support/test-database.ts';

// What a fresh clone holds (the tests' own files too: they are not the point). node_modules is linked, not copied.
const CHECKOUT = ['src', 'migrations', 'web', 'scripts', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'];

/** `node scripts/build.mjs` in the copy, as `npm start` runs it first: its printed lines. */
function build(copy: string): string {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: copy, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const processesUnder = (pid: number) =>
  fs.readdirSync(`/proc/${String(pid)}/task`).flatMap((task) => fs.readFileSync(`/proc/${String(pid)}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));

// The build and the run of a checkout copied away from this one, so the test changes nothing here.
describe('npm start: the server compiled once, run by node without tsx', { timeout: 240_000 }, () => {
  let copy = '';
  let server: ServeProcess | undefined;

  beforeAll(() => {
    fs.mkdirSync(workDir, { recursive: true });
    copy = fs.mkdtempSync(path.join(workDir, 'checkout-'));
    for (const entry of CHECKOUT) fs.cpSync(entry, path.join(copy, entry), { recursive: true });
    fs.symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('builds the server and the web app once, skips both when nothing changed, rebuilds only what an edit touches', () => {
    const first = build(copy);
    expect(first).toMatch(/^server: built dist\/server\/cli\.mjs/m);
    expect(first).toMatch(/^web: built dist\/web\/index\.html/m);
    const bundle = path.join(copy, 'dist/server/cli.mjs');
    const builtAt = fs.statSync(bundle).mtimeMs;

    expect(build(copy)).toBe('server: up to date (dist/server/cli.mjs)\nweb: up to date (dist/web/index.html)\n');
    expect(fs.statSync(bundle).mtimeMs).toBe(builtAt);

    // An edit of a server source: the server is rebuilt, the web app (which does not import it) is not.
    fs.appendFileSync(path.join(copy, 'src/cli.ts'), '\n// edited\n');
    const second = build(copy);
    expect(second).toMatch(/^server: built dist\/server\/cli\.mjs in \d+ ms \(sources changed since the last build\)$/m);
    expect(second).toMatch(/^web: up to date/m);
  });

  it('starts from the bundle on an empty database, reading no TypeScript, and serves the API, the reference data and the web app', async () => {
    // No TypeScript left to run: whatever the server reads at run time must come from the bundle or the data files.
    for (const file of fs.readdirSync(path.join(copy, 'src'), { recursive: true, encoding: 'utf8' })) {
      if (/\.tsx?$/.test(file)) fs.rmSync(path.join(copy, 'src', file));
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-compiled-'));
    const databaseEnv: Record<string, string> = testEngine === 'postgres' ? { DATABASE_URL: await createEmptyServerDatabase(), TRAMA_MIGRATE_ON_START: 'true' } : { DATABASE_URL: '' };
    // Started from another folder: migrations, reference data and the web app are found from the bundle's place.
    server = spawnServe({ TRAMA_DATA_DIR: dataDir, ...databaseEnv }, { entry: ['--max-semi-space-size=4', path.join(copy, 'dist/server/cli.mjs')], args: ['--seed-demo-if-empty'], cwd: dataDir });
    const base = await server.ready;
    const pid = server.child.pid!;

    expect(fs.readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').split('\0')).toEqual([process.execPath, '--max-semi-space-size=4', path.join(copy, 'dist/server/cli.mjs'), 'serve', '--seed-demo-if-empty', '']);
    expect(processesUnder(pid)).toEqual([]);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(fs.readFileSync(path.join(copy, 'dist/web/index.html'), 'utf8'));

    // The demo and the SIUSS enumerations (a CSV read on first use) through the API, as a manager signs in.
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'responsabile', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = /trama_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const sina = await fetch(`${base}/api/assessments/sina-options`, { headers: { cookie } });
    expect(sina.status).toBe(200);
    expect(((await sina.json()) as { codes: unknown[] }[]).every((field) => field.codes.length > 0)).toBe(true);
    const municipalities = await fetch(`${base}/api/territories/municipalities?q=Bentivoglio`, { headers: { cookie } });
    expect(municipalities.status).toBe(200);
    expect(JSON.stringify(await municipalities.json())).toContain('Bentivoglio');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
