/**
 * `npm run bench:access-log`: "who read person X" on a month-partitioned access_log of 100,000,000 rows
 * (TRAMA_BENCH_ACCESS_LOG_ROWS) on the PostgreSQL server, through the audit service function the API calls
 * (`queryAccessLog`, as the demo Union's manager). Needs its own database (dropped and created again) and
 * ~32 GB of disk for 100 M rows. Merges its result into the results file as `scenarios.accessLogScale`.
 * See bench/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { prepareDatabase } from '../src/app.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { queryAccessLog } from '../src/features/audit/audit.service.ts';
import { auditPermissions } from '../src/features/audit/permissions.ts';
import { definePermissions } from '../src/platform/access/policy.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { createSession, loadActor } from '../src/platform/auth/sessions.ts';
import { databaseUrl, loadBenchConfig } from './config.ts';
import { percentiles, round2 } from './stats.ts';

const log = (message: string) => process.stderr.write(`[bench:access-log] ${message}\n`);
const int = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? String(fallback), 10);
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

const bench = loadBenchConfig();
const dbName = process.env.TRAMA_BENCH_ACCESS_LOG_DB ?? 'trama_bench_access_log';
const rows = int('TRAMA_BENCH_ACCESS_LOG_ROWS', 100_000_000);
/** 24 kept months, this one and the one the next archive run drops: the table in its steady state. */
const months = int('TRAMA_BENCH_ACCESS_LOG_MONTHS', 26);
const persons = int('TRAMA_BENCH_ACCESS_LOG_PERSONS', 1_000_000);
const queries = int('TRAMA_BENCH_ACCESS_LOG_QUERIES', 1000);
const chunkRows = 1_000_000;
const url = databaseUrl(bench.serverUrl, dbName);

async function recreate(): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl(bench.serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
}

/**
 * One chunk of a month: rows in time order (ids grow with `at`, as a real log's do), each about one of
 * `persons` persons (md5('p' || n) as its id) read in the person's municipality by a demo user.
 */
const CHUNK_SQL = `
  INSERT INTO access_log (at, user_id, role, person_id, municipality_code, record_type, record_id, action, request_id, client_address)
  SELECT $1::timestamptz + (g::float8 / $3) * ($2::timestamptz - $1::timestamptz), ($4::uuid[])[1 + g % cardinality($4::uuid[])], 'social_worker',
    md5('p' || p)::uuid, ($5::text[])[1 + p % cardinality($5::text[])], 'person', md5('p' || p), CASE WHEN g % 10 = 0 THEN 'search' ELSE 'read' END,
    'bench-' || $6::int || '-' || g, '10.1.' || (g % 250) || '.' || (g % 200)
  FROM generate_series(0, $3::int - 1) AS g, LATERAL (SELECT floor(random() * $7)::int + (g * 0) AS p) AS r`;

async function generate(database: Database): Promise<{ seconds: number; rowsPerSecond: number }> {
  const db = database.db;
  const started = process.hrtime.bigint();
  await sql`SELECT access_log_add_months(ARRAY(SELECT (date_trunc('month', trama_today()) - make_interval(months => n))::date FROM generate_series(0, ${months - 1}::int) AS n))`.execute(db);
  // The secondary indexes are built once after the load, from their own definitions (as pg_restore does).
  const indexes = (await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'access_log' AND indexname <> 'access_log_pkey'`.execute(db)).rows;
  for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(db);
  const users = (await sql<{ id: string }>`SELECT id FROM app_user WHERE provider_id IS NULL ORDER BY username`.execute(db)).rows.map((r) => r.id);
  const codes = (await sql<{ code: string }>`SELECT gm.municipality_code AS code FROM territory_group g JOIN territory_group_member gm ON gm.group_id = g.id WHERE g.kind = 'union' AND g.name = 'Unione Reno Galliera' ORDER BY 1`.execute(db)).rows.map((r) => r.code);
  const perMonth = Math.ceil(rows / months);
  const chunks: { lo: string; hi: string; n: number; id: number }[] = [];
  for (let m = months - 1; m >= 0; m--) {
    const bounds = (await sql<{ lo: string; hi: string }>`SELECT (date_trunc('month', trama_today()) - make_interval(months => ${m}::int))::timestamp AT TIME ZONE 'Europe/Rome' AS lo,
      (date_trunc('month', trama_today()) - make_interval(months => ${m - 1}::int))::timestamp AT TIME ZONE 'Europe/Rome' AS hi`.execute(db)).rows[0]!;
    const span = new Date(bounds.hi).getTime() - new Date(bounds.lo).getTime();
    const parts = Math.ceil(perMonth / chunkRows);
    for (let c = 0; c < parts; c++) {
      const iso = (fraction: number) => new Date(new Date(bounds.lo).getTime() + span * fraction).toISOString();
      chunks.push({ lo: iso(c / parts), hi: iso((c + 1) / parts), n: Math.min(chunkRows, perMonth - c * chunkRows), id: chunks.length });
    }
  }
  // Two connections (two cores), each taking the next chunk in time order.
  let next = 0;
  const worker = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      await client.query(CHUNK_SQL, [chunk.lo, chunk.hi, chunk.n, users, codes, chunk.id, persons]);
      if (chunk.id % 10 === 0) log(`chunk ${String(chunk.id + 1)}/${String(chunks.length)} (${String(Math.round(seconds(started)))} s)`);
    }
    await client.end();
  };
  await Promise.all([worker(), worker()]);
  log(`loaded in ${String(Math.round(seconds(started)))} s; building indexes`);
  // pg_indexes shows a partitioned index as `ON ONLY`, which would build no partition's index.
  for (const index of indexes) await sql.raw(index.def.replace(' ON ONLY ', ' ON ')).execute(db);
  await sql`VACUUM (ANALYZE) access_log`.execute(db);
  const total = seconds(started);
  return { seconds: Math.round(total), rowsPerSecond: Math.round(rows / total) };
}

async function measure(database: Database) {
  const db = database.db;
  // What buildServer does for every feature: the manager's audit.read grant then covers the Union.
  definePermissions(auditPermissions);
  const manager = (await sql<{ id: string }>`SELECT id FROM app_user WHERE username = 'responsabile'`.execute(db)).rows[0]!.id;
  const { token } = await createSession(db, loadConfig({ databaseUrl: url }), manager, null);
  const actor = (await loadActor(db, loadConfig({ databaseUrl: url }), token, { requestId: 'bench', clientAddress: null, purpose: null }))!;
  const sample = Array.from({ length: queries }, () => Math.floor(Math.random() * persons));
  const personId = async (n: number) => (await sql<{ id: string }>`SELECT md5(${'p' + String(n)})::uuid::text AS id`.execute(db)).rows[0]!.id;
  const ids = await Promise.all(sample.map(personId));
  const pass = async () => {
    const latencies: number[] = [];
    let found = 0;
    for (const id of ids) {
      const start = process.hrtime.bigint();
      const page = await queryAccessLog(db, actor, { personId: id, page: 1, pageSize: 50 });
      latencies.push(seconds(start) * 1000);
      found += page.total;
    }
    return { ...percentiles(latencies), rowsPerPersonAvg: round2(found / ids.length) };
  };
  const cold = await pass();
  const warm = await pass();
  const plan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT l.id, l.at FROM access_log l WHERE l.person_id = ${ids[0]!}::uuid ORDER BY l.at DESC, l.id DESC LIMIT 50`.execute(db)).rows.map((r) => r['QUERY PLAN']);
  return { cold, warm, planHead: plan.slice(0, 12), planTail: plan.slice(-3) };
}

const skipSeed = process.env.TRAMA_BENCH_SKIP_SEED === '1';
if (!skipSeed) await recreate();
const database = await openDatabase({ databaseUrl: url, poolSize: 2, statementTimeoutMs: 0 });
let generation: { seconds: number; rowsPerSecond: number } | undefined;
if (!skipSeed) {
  await prepareDatabase({ database, config: loadConfig({ databaseUrl: url }) });
  await seedDemo(database.db);
  log(`generating ${String(rows)} rows over ${String(months)} months`);
  generation = await generate(database);
}
const stats = (await sql<{ n: string; partitions: number; bytes: string }>`
  SELECT sum(c.reltuples) FILTER (WHERE c.reltuples > 0)::bigint AS n, count(*)::int AS partitions, sum(pg_total_relation_size(t.relid)) AS bytes
  FROM pg_partition_tree('access_log') t JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf`.execute(database.db)).rows[0]!;
log(`measuring ${String(queries)} "who read person X" queries`);
const result = {
  rows: Number(stats.n),
  partitions: stats.partitions,
  gigabytes: round2(Number(stats.bytes) / 1024 ** 3),
  persons,
  generation,
  whoReadPersonMs: await measure(database),
};
await database.close();
const previous = fs.existsSync(bench.resultsFile) ? (JSON.parse(fs.readFileSync(bench.resultsFile, 'utf8')) as { scenarios?: Record<string, unknown> }) : {};
fs.mkdirSync(path.dirname(bench.resultsFile), { recursive: true });
fs.writeFileSync(bench.resultsFile, `${JSON.stringify({ ...previous, scenarios: { ...previous.scenarios, accessLogScale: result } }, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
