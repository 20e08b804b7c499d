import type pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { cpuMeter } from './cpu.ts';
import { runHttp, summarize } from './http.ts';
import { loginSession, type RssSampler } from './server.ts';
import { percentiles, round2 } from './stats.ts';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export interface CaseBenchOptions {
  baseUrl: string;
  admin: pg.Client;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  sampler: RssSampler;
  serverPid: number;
  cores: number;
  sampleCases: number;
  worklistRuns: number;
}

const caseReadLogRows = async (client: pg.Client) =>
  (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE record_type = 'case' AND action = 'read'`)).rows[0]?.n ?? 0;

/**
 * The case page as the owner opens it: GET /api/cases/:id (the case, its persons, status history and
 * last diary entries, one access-log row per person) over random cases of the owner's team.
 */
export async function casePageLoad(options: CaseBenchOptions) {
  const { rows } = await options.admin.query<{ id: string }>(
    `SELECT c.id FROM case_record c JOIN app_user u ON u.id = c.owner_id WHERE u.username IN ('assistente', 'assistente2') ORDER BY random() LIMIT $1`,
    [options.sampleCases],
  );
  const session = await loginSession(options.baseUrl, 'assistente', DEMO_PASSWORD);
  let n = 0;
  const nextPath = () => `/api/cases/${rows[n++ % rows.length]!.id}`;
  const http = { baseUrl: options.baseUrl, cookie: session.cookie, connections: options.connections, nextPath };
  log(`case page: warm-up ${options.warmupSeconds} s, then ${options.seconds} s over ${rows.length} cases`);
  await runHttp({ ...http, seconds: options.warmupSeconds, title: 'case page warm-up' });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = await caseReadLogRows(options.admin);
  options.sampler.reset();
  const meter = cpuMeter(options.serverPid);
  const result = await runHttp({ ...http, seconds: options.seconds, title: 'case page' });
  const cpu = meter.stop(options.cores);
  const rssMb = options.sampler.take();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const logRows = (await caseReadLogRows(options.admin)) - before;
  return { endpoint: 'GET /api/cases/:id (case, persons, history, last diary entries; audited)', ...summarize(result, rssMb, cpu), sampledCases: rows.length, caseReadLogRows: logRows };
}

/** The manager's overdue worklist over the whole Union, one request at a time, as a person asks it. */
export async function worklistLatency(options: CaseBenchOptions, path: string) {
  const session = await loginSession(options.baseUrl, 'responsabile', DEMO_PASSWORD);
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(`${options.baseUrl}${path}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
    const body = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`worklist failed: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };
  log(`worklist: ${options.worklistRuns} requests as the service manager`);
  await ask();
  await ask();
  const runs = [];
  for (let i = 0; i < options.worklistRuns; i++) runs.push(await ask());
  const latency = percentiles(runs.map((run) => run.ms));
  const counts = await options.admin.query<{ open: number; overdue: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'closed')::int AS open, count(*) FILTER (WHERE status <> 'closed' AND next_review_on < trama_today())::int AS overdue FROM case_record`,
  );
  return {
    endpoint: `GET ${path}`,
    openCases: counts.rows[0]?.open ?? 0,
    reviewOverdueCases: counts.rows[0]?.overdue ?? 0,
    runs: runs.length,
    latencyMs: { p50: latency.p50, p95: latency.p95, max: latency.max, average: round2(runs.reduce((sum, run) => sum + run.ms, 0) / runs.length) },
  };
}
