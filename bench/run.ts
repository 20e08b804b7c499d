/**
 * `npm run bench`: a fresh PostgreSQL database with the demo Union and 1,000,000 persons, the Trama
 * server in a child process, autocannon on the audited person read and on the person search, pgbench
 * on the read's own SQL, then bench/results.json and a table. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { captureRead } from './capture.ts';
import { databaseUrl, loadBenchConfig, TARGETS } from './config.ts';
import { cpuMeter } from './cpu.ts';
import { runHttp, summarize } from './http.ts';
import { pgbenchScript, runPgbench, SAMPLE_TABLE, type PgbenchResult } from './pgbench.ts';
import { printTable, type Results } from './report.ts';
import { accessWriteLoad, timelinessLatency } from './front-desk.ts';
import { providerDeliveryLoad } from './interventions.ts';
import { seedBenchDatabase, type SeedResult } from './seed.ts';
import { seedAccesses, type AccessSeedResult } from './seed-accesses.ts';
import { seedCases, type CaseSeedResult } from './seed-cases.ts';
import { casePageLoad, worklistLatency } from './cases.ts';
import { contributionApproval } from './contributions.ts';
import { pgliteDurability } from './pglite-durability.ts';
import { buildServer, loginCookie, readMemory, RssSampler, startServer } from './server.ts';
import { round2 } from './stats.ts';
import { verifyReads } from './verify.ts';
import { clock } from '../src/platform/time/clock.ts';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Samples {
  ids: { id: string; municipalityCode: string }[];
  searches: string[];
}

/** Random persons of the Union: ids for the reads, and what an operator types to find them. */
async function sample(client: pg.Client, count: number): Promise<Samples> {
  await client.query(`DROP TABLE IF EXISTS ${SAMPLE_TABLE}`);
  await client.query(`
    CREATE TABLE ${SAMPLE_TABLE} AS
    SELECT (row_number() OVER ())::int AS n, id, municipality_code
    FROM (
      SELECT p.id, p.municipality_code FROM person p
      WHERE p.municipality_code IN (
        SELECT gm.municipality_code FROM territory_group g JOIN territory_group_member gm ON gm.group_id = g.id
        WHERE g.kind = 'union' AND g.name = 'Unione Reno Galliera')
      ORDER BY random() LIMIT ${count}) s`);
  await client.query(`ALTER TABLE ${SAMPLE_TABLE} ADD PRIMARY KEY (n)`);
  await client.query(`ANALYZE ${SAMPLE_TABLE}`);
  const ids = await client.query<{ id: string; municipality_code: string }>(`SELECT id, municipality_code FROM ${SAMPLE_TABLE} ORDER BY n`);
  // Names of random persons (so common names come up as often as they occur), typed three ways:
  // a surname prefix of 3 to 6 letters, a whole surname, a surname and a given name.
  const names = await client.query<{ family_name: string; given_name: string }>(
    `SELECT family_name, given_name FROM person p JOIN ${SAMPLE_TABLE} s USING (id) ORDER BY s.n LIMIT 3000`,
  );
  const searches = names.rows.map((row, i) => {
    switch (i % 3) {
      case 0:
        return row.family_name.slice(0, Math.min(row.family_name.length, 3 + (i % 4)));
      case 1:
        return row.family_name;
      default:
        return `${row.family_name} ${row.given_name}`;
    }
  });
  return { ids: ids.rows.map((row) => ({ id: row.id, municipalityCode: row.municipality_code })), searches };
}

function rotating<T>(items: T[]): () => T {
  let next = 0;
  return () => {
    const item = items[next % items.length]!;
    next++;
    return item;
  };
}

/** Waits until no query of the bench database is running (requests still in flight after a load end). */
async function drain(client: pg.Client, database: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
      [database],
    );
    if (rows[0]?.n === 0) return;
    await sleep(200);
  }
  log('some queries were still running after the drain timeout');
}

const readAccessLogCount = async (client: pg.Client, action: string) =>
  (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE action = $1`, [action])).rows[0]?.n ?? 0;

async function machine(client: pg.Client) {
  const version = await client.query<{ server_version: string }>('SHOW server_version');
  const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem', 'max_parallel_workers_per_gather')`,
  );
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: round2(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: version.rows[0]?.server_version ?? 'unknown',
    pgbench: execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim(),
    postgresSettings: Object.fromEntries(settings.rows.map((row) => [row.name, `${row.setting}${row.unit ? ` ${row.unit}` : ''}`])),
  };
}

const summarizePgbench = (result: PgbenchResult) => ({
  tps: round2(result.tps),
  latencyMs: { p50: result.latency.p50, p95: result.latency.p95, p99: result.latency.p99, max: result.latency.max, average: result.latencyAverageMs },
  transactions: result.transactions,
  failed: result.failed,
  clients: result.clients,
  threads: result.threads,
  seconds: result.seconds,
  protocol: result.protocol,
});

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const url = databaseUrl(config.serverUrl, config.databaseName);
  const started = performance.now();
  const cores = os.cpus().length;
  fs.mkdirSync(config.workDir, { recursive: true });

  let seed: SeedResult | undefined;
  let accessSeed: AccessSeedResult | undefined;
  let caseSeed: CaseSeedResult | undefined;
  if (process.env.TRAMA_BENCH_SKIP_SEED === '1') {
    log(`TRAMA_BENCH_SKIP_SEED=1: reusing the database ${config.databaseName} as it is`);
  } else {
    log(`seeding ${config.persons.toLocaleString('en')} persons into a fresh ${config.databaseName}`);
    seed = await seedBenchDatabase(config);
    log(`seeded in ${seed.totalSeconds.toFixed(1)} s: ${Math.round(seed.rowsPerSecond).toLocaleString('en')} persons/s, indexes included`);
    log(`seeding ${config.accesses.toLocaleString('en')} access records over three years`);
    accessSeed = await seedAccesses(url, config.accesses);
    log(`seeded ${accessSeed.referrals.toLocaleString('en')} referrals in ${accessSeed.seconds.toFixed(1)} s`);
    log(`seeding ${config.cases.toLocaleString('en')} cases with their diary and procedures`);
    caseSeed = await seedCases(url, config.cases);
    log(`seeded ${caseSeed.diaryEntries.toLocaleString('en')} diary entries and ${caseSeed.procedures.toLocaleString('en')} procedures in ${caseSeed.seconds.toFixed(1)} s`);
  }

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const samples = await sample(admin, config.sampleIds);
    log(`sampled ${samples.ids.length} person ids and ${samples.searches.length} searches`);

    // The SQL of one audited read, as the service sends it, turned into a pgbench script.
    const first = samples.ids[0]!;
    const captured = await captureRead(url, first.id);
    const { script, skipped } = pgbenchScript(captured, first, samples.ids.length);
    const scriptFile = path.join(config.workDir, 'person-read.sql');
    fs.writeFileSync(scriptFile, script);

    log('starting the server (node dist/server/cli.mjs serve, built if its sources changed)');
    buildServer();
    const server = await startServer(url);
    const sampler = new RssSampler(server.pid);
    const idleRssMb = readMemory(server.pid).rssMb;
    let read: ReturnType<typeof summarize>;
    let search: ReturnType<typeof summarize>;
    let accessWrite: Awaited<ReturnType<typeof accessWriteLoad>>;
    let providerDelivery: Awaited<ReturnType<typeof providerDeliveryLoad>>;
    let timeliness: Awaited<ReturnType<typeof timelinessLatency>>;
    let casePage: Awaited<ReturnType<typeof casePageLoad>>;
    let worklist: Awaited<ReturnType<typeof worklistLatency>>;
    let worklistSummary: Awaited<ReturnType<typeof worklistLatency>>;
    let contributions: Awaited<ReturnType<typeof contributionApproval>>;
    let afterLoad: { rssMb: number; hwmMb: number };
    let verification: Awaited<ReturnType<typeof verifyReads>>;
    let audit: { readResponses: number; readLogRows: number; searchResponses: number; searchLogRows: number };
    try {
      const cookie = await loginCookie(server.baseUrl, 'sportello', DEMO_PASSWORD);
      verification = await verifyReads(url, server.baseUrl, cookie, samples.ids.slice(0, 200).map((s) => s.id));
      if (verification.mismatches.length) log(`verification: ${verification.mismatches.length} answers differ, first: ${verification.mismatches[0]}`);
      const nextId = rotating(samples.ids);
      const readPath = () => `/api/persons/${nextId().id}`;
      const nextSearch = rotating(samples.searches);
      const searchPath = () => `/api/persons?q=${encodeURIComponent(nextSearch())}`;
      const http = { baseUrl: server.baseUrl, cookie, connections: config.connections };

      log(`read: warm-up ${config.warmupSeconds} s, then ${config.seconds} s`);
      await runHttp({ ...http, seconds: config.warmupSeconds, nextPath: readPath, title: 'read warm-up' });
      await drain(admin, config.databaseName);
      const readsLoggedBefore = await readAccessLogCount(admin, 'read');
      sampler.reset();
      let meter = cpuMeter(server.pid);
      const readResult = await runHttp({ ...http, seconds: config.seconds, nextPath: readPath, title: 'read' });
      const readCpu = meter.stop(cores);
      const readRssMb = sampler.take();
      await drain(admin, config.databaseName);
      const readLogRows = (await readAccessLogCount(admin, 'read')) - readsLoggedBefore;

      log(`search: warm-up ${config.warmupSeconds} s, then ${config.seconds} s`);
      await runHttp({ ...http, seconds: config.warmupSeconds, nextPath: searchPath, title: 'search warm-up' });
      await drain(admin, config.databaseName);
      const searchesLoggedBefore = await readAccessLogCount(admin, 'search');
      sampler.reset();
      meter = cpuMeter(server.pid);
      const searchResult = await runHttp({ ...http, seconds: config.seconds, nextPath: searchPath, title: 'search' });
      const searchCpu = meter.stop(cores);
      const searchRssMb = sampler.take();
      afterLoad = readMemory(server.pid);
      await drain(admin, config.databaseName);
      const searchLogRows = (await readAccessLogCount(admin, 'search')) - searchesLoggedBefore;

      const frontDesk = {
        baseUrl: server.baseUrl,
        admin,
        persons: samples.ids,
        connections: config.connections,
        seconds: config.seconds,
        warmupSeconds: config.warmupSeconds,
        sampler,
        serverPid: server.pid,
        cores,
        timelinessDays: 3 * 365,
        timelinessRuns: 15,
      };
      accessWrite = await accessWriteLoad(frontDesk);
      await drain(admin, config.databaseName);
      providerDelivery = await providerDeliveryLoad(frontDesk);
      await drain(admin, config.databaseName);
      timeliness = await timelinessLatency(frontDesk);
      await drain(admin, config.databaseName);
      const caseBench = { ...frontDesk, sampleCases: config.sampleIds, worklistRuns: 15 };
      casePage = await casePageLoad(caseBench);
      await drain(admin, config.databaseName);
      worklist = await worklistLatency(caseBench, '/api/worklist/review?limit=20');
      worklistSummary = await worklistLatency(caseBench, '/api/worklist/summary');
      await drain(admin, config.databaseName);
      contributions = await contributionApproval({ baseUrl: caseBench.baseUrl, admin, count: 10_000, cases: 500 });

      read = summarize(readResult, readRssMb, readCpu);
      search = summarize(searchResult, searchRssMb, searchCpu);
      audit = { readResponses: readResult.statusCounts['2xx'] ?? 0, readLogRows, searchResponses: searchResult.statusCounts['2xx'] ?? 0, searchLogRows };
    } finally {
      sampler.stop();
      await server.stop();
    }

    // Trama's driver runs named prepared statements, so the fair baseline is pgbench's prepared protocol.
    log(`pgbench: ${config.connections} clients, ${config.pgbenchThreads} threads, ${config.seconds} s, prepared protocol (as Trama's driver)`);
    const pgbenchOptions = { url, scriptFile, clients: config.connections, threads: config.pgbenchThreads, logDir: path.join(config.workDir, 'pgbench-log') };
    const pgbenchMeter = cpuMeter(undefined);
    const pgbench = await runPgbench({ ...pgbenchOptions, seconds: config.seconds, protocol: 'prepared' });
    const pgbenchCpu = pgbenchMeter.stop(cores);
    const referenceSeconds = Math.max(5, Math.round(config.seconds / 2));
    log(`pgbench, for reference: the same script parsed and planned every time (extended protocol), ${referenceSeconds} s`);
    const extended = await runPgbench({ ...pgbenchOptions, seconds: referenceSeconds, protocol: 'extended' });

    log('PGlite durability: acknowledged inserts with fsync off (PGlite default) and TRAMA_PGLITE_DURABLE');
    const durability = await pgliteDurability(Number.parseInt(process.env.TRAMA_BENCH_DURABLE_WRITES ?? '1000', 10), process.env.TRAMA_BENCH_DURABLE_DIR);

    const ratio = read.requestsPerSecond / pgbench.tps;
    const rssMb = Math.max(read.serverRssMaxMb, search.serverRssMaxMb, accessWrite.serverRssMaxMb, providerDelivery.serverRssMaxMb, casePage.serverRssMaxMb);
    const errorsAndNon2xx = read.errors + read.non2xx + search.errors + search.non2xx + accessWrite.errors + accessWrite.non2xx + providerDelivery.errors + providerDelivery.non2xx + casePage.errors + casePage.non2xx;
    const results: Results = {
      date: clock.now().toISOString(),
      machine: await machine(admin),
      settings: {
        database: config.databaseName,
        persons: config.persons,
        connections: config.connections,
        seconds: config.seconds,
        warmupSeconds: config.warmupSeconds,
        sampledIds: samples.ids.length,
        searchTerms: samples.searches.length,
        user: 'sportello (front_desk, Unione Reno Galliera)',
      },
      seed: seed
        ? {
            persons: seed.persons,
            rowsPerSecond: Math.round(seed.rowsPerSecond),
            loadRowsPerSecond: Math.round(seed.loadRowsPerSecond),
            loadSeconds: round2(seed.loadSeconds),
            indexSeconds: round2(seed.indexSeconds),
            analyzeSeconds: round2(seed.analyzeSeconds),
            totalSeconds: round2(seed.totalSeconds),
          }
        : { skipped: true },
      accessSeed: accessSeed ? { ...accessSeed, seconds: round2(accessSeed.seconds), rowsPerSecond: Math.round(accessSeed.rowsPerSecond) } : { skipped: true },
      caseSeed: caseSeed ? { ...caseSeed, seconds: round2(caseSeed.seconds), rowsPerSecond: Math.round(caseSeed.rowsPerSecond) } : { skipped: true },
      scenarios: {
        read: {
          endpoint: 'GET /api/persons/:id',
          ...read,
          pgbench: {
            ...summarizePgbench(pgbench),
            cpuCores: pgbenchCpu,
            extendedProtocolTps: round2(extended.tps),
            script: script.split('\n').filter(Boolean),
            statementsNotInScript: skipped,
          },
          ratioToPgbench: round2(ratio),
        },
        search: { endpoint: 'GET /api/persons?q=<name>', ...search },
        accessWrite: { endpoint: 'POST /api/accesses', ...accessWrite },
        providerDelivery,
        timeliness,
        casePage,
        worklist,
        worklistSummary,
        contributions,
        pgliteDurability: durability,
      },
      server: {
        pid: server.pid,
        launcherPid: server.launcherPid,
        rssIdleMb: round2(idleRssMb),
        rssMaxDuringLoadMb: round2(rssMb),
        rssAfterLoadMb: round2(afterLoad.rssMb),
        hwmAfterLoadMb: round2(afterLoad.hwmMb),
      },
      checks: {
        readAnswersVerified: verification.checked,
        readAnswerMismatches: verification.mismatches.slice(0, 5),
        ...audit,
      },
      targets: {
        readRequestsPerSecond: { target: `>= ${TARGETS.readRps}`, value: read.requestsPerSecond, pass: read.requestsPerSecond >= TARGETS.readRps },
        readP95Ms: { target: `<= ${TARGETS.readP95Ms}`, value: read.latencyMs.p95, pass: read.latencyMs.p95 <= TARGETS.readP95Ms },
        readRatioToPgbench: { target: `>= ${TARGETS.readRatio}`, value: round2(ratio), pass: ratio >= TARGETS.readRatio },
        searchP95Ms: { target: `<= ${TARGETS.searchP95Ms}`, value: search.latencyMs.p95, pass: search.latencyMs.p95 <= TARGETS.searchP95Ms },
        accessWriteRequestsPerSecond: { target: `>= ${TARGETS.accessWriteRps}`, value: accessWrite.requestsPerSecond, pass: accessWrite.requestsPerSecond >= TARGETS.accessWriteRps },
        accessWritesAllStored: { target: 'every 2xx wrote its access', value: accessWrite.accessesWritten - (accessWrite.statusCounts['2xx'] ?? 0), pass: accessWrite.accessesWritten >= (accessWrite.statusCounts['2xx'] ?? 0) },
        providerDeliveryRequestsPerSecond: { target: `>= ${TARGETS.providerDeliveryRps}`, value: providerDelivery.requestsPerSecond, pass: providerDelivery.requestsPerSecond >= TARGETS.providerDeliveryRps },
        providerDeliveriesAllStored: { target: 'every 2xx stored its delivery', value: providerDelivery.deliveriesWritten - (providerDelivery.statusCounts['2xx'] ?? 0), pass: providerDelivery.deliveriesWritten >= (providerDelivery.statusCounts['2xx'] ?? 0) },
        timelinessP95Ms: { target: `<= ${TARGETS.timelinessMs}`, value: timeliness.latencyMs.p95, pass: timeliness.latencyMs.p95 <= TARGETS.timelinessMs },
        casePageRequestsPerSecond: { target: `>= ${TARGETS.casePageRps}`, value: casePage.requestsPerSecond, pass: casePage.requestsPerSecond >= TARGETS.casePageRps },
        casePageReadsLogged: { target: 'every 2xx logged', value: casePage.caseReadLogRows - (casePage.statusCounts['2xx'] ?? 0), pass: casePage.caseReadLogRows >= (casePage.statusCounts['2xx'] ?? 0) },
        worklistP95Ms: { target: `<= ${TARGETS.worklistMs}`, value: worklist.latencyMs.p95, pass: worklist.latencyMs.p95 <= TARGETS.worklistMs },
        worklistSummaryP95Ms: { target: `<= ${TARGETS.worklistMs}`, value: worklistSummary.latencyMs.p95, pass: worklistSummary.latencyMs.p95 <= TARGETS.worklistMs },
        contributionApprovalMs: { target: `<= ${TARGETS.contributionApprovalMs}`, value: contributions.elapsedMs, pass: contributions.elapsedMs <= TARGETS.contributionApprovalMs && contributions.paymentLines === contributions.contributions },
        serverRssMb: { target: `<= ${TARGETS.rssMb}`, value: round2(rssMb), pass: rssMb <= TARGETS.rssMb },
        noErrors: { target: '0 errors, 0 non-2xx', value: errorsAndNon2xx, pass: errorsAndNon2xx === 0 },
        readAnswersUnchanged: { target: '0 differences', value: verification.mismatches.length, pass: verification.mismatches.length === 0 },
      },
      pass: false,
      durationSeconds: 0,
    };
    results.pass = Object.values(results.targets).every((target) => target.pass);
    results.durationSeconds = Math.round((performance.now() - started) / 1000);
    fs.mkdirSync(path.dirname(config.resultsFile), { recursive: true });
    fs.writeFileSync(config.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
    log(`results written to ${config.resultsFile} (${results.durationSeconds} s in all)`);
    if (!results.pass && process.env.TRAMA_BENCH_STRICT === '1') process.exitCode = 1;
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
