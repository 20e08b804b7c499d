/**
 * Resident memory and cold start of the server as operators run it, on each engine with the demo Union:
 * PGlite as `npm start` leaves it (a data folder, the demo seeded), PostgreSQL with DATABASE_URL to a
 * database holding the demo. For each engine and runtime (the compiled bundle; tsx for comparison):
 * cold starts from spawn to `/api/health/ready` 200 on an already-built, already-migrated checkout, then
 * one server's RSS when ready, during and after a load of the bench's read path (`GET /api/persons/:id`
 * as `sportello`, 32 connections). See bench/README.md, "Memory and cold start".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../src/app.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Engine } from '../src/platform/db/database.ts';
import { databaseUrl } from './config.ts';
import { runHttp } from './http.ts';
import { buildServer, loginCookie, readMemory, RssSampler, startServer, type Runtime } from './server.ts';
import { percentiles, round2 } from './stats.ts';

export interface MemoryOptions {
  engines: Engine[];
  runtimes: Runtime[];
  /** Server URL without a database name; the database `databaseName` is dropped and created. */
  serverUrl: string;
  databaseName: string;
  /** Folder for PGlite's data (emptied first). */
  workDir: string;
  coldStarts: number;
  seconds: number;
  warmupSeconds: number;
}

const log = (message: string) => process.stderr.write(`[bench:memory] ${message}\n`);
const mb = (value: number) => round2(value);

/** The demo, seeded once per engine the way `npm start` would (migrations, reference data, demo Union); the persons' ids. */
async function prepare(engine: Engine, options: MemoryOptions): Promise<{ env: Record<string, string>; ids: string[] }> {
  let env: Record<string, string>;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: databaseUrl(options.serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${options.databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${options.databaseName}`);
    await admin.end();
    env = { DATABASE_URL: databaseUrl(options.serverUrl, options.databaseName) };
  } else {
    const dataDir = path.join(options.workDir, 'memory-pglite');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    env = { DATABASE_URL: '', TRAMA_DATA_DIR: dataDir };
  }
  const config = loadConfig({ databaseUrl: env.DATABASE_URL || undefined });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(env.TRAMA_DATA_DIR ?? '', 'pglite') });
  try {
    await prepareDatabase({ database, config });
    await seedDemo(database.db);
    const rows = await database.db.selectFrom('person').select('id').execute();
    return { env, ids: rows.map((row) => row.id) };
  } finally {
    await database.close();
  }
}

/** `npm start`'s first step on a checkout already built: the "up to date" check alone. */
function buildCheckMs(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (result.status !== 0 || !/server: up to date/.test(result.stdout)) throw new Error(`build check did not find the checkout built:\n${result.stdout}${result.stderr}`);
  return performance.now() - started;
}

async function measure(engine: Engine, runtime: Runtime, prepared: { env: Record<string, string>; ids: string[] }, options: MemoryOptions) {
  const { env, ids } = prepared;
  const url = env.DATABASE_URL ?? '';
  const extra = { ...env, TRAMA_MIGRATE_ON_START: engine === 'pglite' ? 'true' : 'false' };
  const coldStartsMs: number[] = [];
  for (let i = 0; i < options.coldStarts; i += 1) {
    const server = await startServer(url, extra, runtime);
    coldStartsMs.push(round2(server.startMs));
    await server.stop();
  }
  log(`${engine}/${runtime}: cold start ${coldStartsMs.join(', ')} ms`);

  const server = await startServer(url, extra, runtime);
  try {
    const atReady = readMemory(server.pid).rssMb;
    // tsx's launcher is a second node process the former `npm start` also kept running.
    const launcherRssMb = server.launcherPid === server.pid ? 0 : readMemory(server.launcherPid).rssMb;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = readMemory(server.pid).rssMb;
    const cookie = await loginCookie(server.baseUrl, 'sportello', DEMO_PASSWORD);
    let next = 0;
    const nextPath = () => `/api/persons/${ids[(next += 1) % ids.length]!}`;
    const http = { baseUrl: server.baseUrl, cookie, connections: 32, nextPath };
    await runHttp({ ...http, seconds: options.warmupSeconds, title: 'memory warm-up' });
    const sampler = new RssSampler(server.pid);
    sampler.reset();
    const load = await runHttp({ ...http, seconds: options.seconds, title: 'memory read' });
    const duringMax = sampler.take();
    sampler.stop();
    const after = readMemory(server.pid);
    const result = {
      engine,
      runtime,
      processes: server.launcherPid === server.pid ? 1 : 2,
      coldStartMs: { runs: coldStartsMs, median: percentiles(coldStartsMs).p50 },
      rssMb: { atReady: mb(atReady), idle2s: mb(idle), loadMax: mb(duringMax), afterLoad: mb(after.rssMb), peakHwm: mb(after.hwmMb), launcher: mb(launcherRssMb) },
      load: { path: 'GET /api/persons/:id', persons: ids.length, requestsPerSecond: round2(load.requestsPerSecond), p95Ms: load.latency.p95, non2xx: load.non2xx, errors: load.errors },
    };
    log(`${engine}/${runtime}: RSS ready ${result.rssMb.atReady} MB, load max ${result.rssMb.loadMax} MB, after ${result.rssMb.afterLoad} MB`);
    return result;
  } finally {
    await server.stop();
  }
}

export async function memoryAndColdStart(options: MemoryOptions) {
  buildServer();
  spawnSync(process.execPath, ['scripts/build.mjs', 'web'], { stdio: 'inherit' });
  const buildCheck = [buildCheckMs(), buildCheckMs(), buildCheckMs()].map(round2);
  const runs = [];
  for (const engine of options.engines) {
    log(`${engine}: seeding the demo`);
    const prepared = await prepare(engine, options);
    for (const runtime of options.runtimes) runs.push(await measure(engine, runtime, prepared, options));
  }
  return { node: process.version, buildUpToDateCheckMs: { runs: buildCheck, median: percentiles(buildCheck).p50 }, runs };
}
