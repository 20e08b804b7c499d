import type pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { cpuMeter } from './cpu.ts';
import { runHttp, summarize } from './http.ts';
import { loginSession, type RssSampler } from './server.ts';
import { percentiles, round2 } from './stats.ts';
import { clock } from '../src/platform/time/clock.ts';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export interface FrontDeskOptions {
  baseUrl: string;
  admin: pg.Client;
  persons: { id: string; municipalityCode: string }[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  sampler: RssSampler;
  serverPid: number;
  cores: number;
  /** Days of referrals the timeliness report covers (the seeded accesses span three years). */
  timelinessDays: number;
  timelinessRuns: number;
}

const countAccesses = async (client: pg.Client) =>
  (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_record`)).rows[0]?.n ?? 0;

/**
 * The front desk's write path: POST /api/accesses as the desk operator, a different person each time,
 * every fifth a referral (access record, person link, intake item and access-log row in one
 * transaction). Every answered request must have written its access.
 */
export async function accessWriteLoad(options: FrontDeskOptions) {
  const session = await loginSession(options.baseUrl, 'sportello', DEMO_PASSWORD);
  let n = 0;
  const nextBody = () => {
    const person = options.persons[n % options.persons.length]!;
    const referral = n % 5 === 0;
    n++;
    return {
      occurredAt: new Date(clock.nowMs() - 60_000).toISOString(),
      channel: 'in_person',
      municipalityCode: person.municipalityCode,
      needAreaCode: 'ELD',
      request: 'Chiede informazioni sull’assistenza domiciliare per la madre anziana.',
      outcome: referral ? 'referral' : 'information',
      referralUrgency: referral ? 'ordinary' : null,
      persons: [{ personId: person.id, involvement: 'beneficiary' }],
    };
  };
  const http = { baseUrl: options.baseUrl, cookie: session.cookie, connections: options.connections, nextPath: () => '/api/accesses' };
  const write = { method: 'POST' as const, nextBody, csrfToken: session.csrfToken };
  log(`access write: warm-up ${options.warmupSeconds} s, then ${options.seconds} s`);
  await runHttp({ ...http, seconds: options.warmupSeconds, title: 'access write warm-up', write });
  const before = await countAccesses(options.admin);
  options.sampler.reset();
  const meter = cpuMeter(options.serverPid);
  const result = await runHttp({ ...http, seconds: options.seconds, title: 'access write', write });
  const cpu = meter.stop(options.cores);
  const rssMb = options.sampler.take();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const written = (await countAccesses(options.admin)) - before;
  return { ...summarize(result, rssMb, cpu), accessesWritten: written };
}

/** The manager's timeliness report over every seeded referral, one request at a time, as a person asks it. */
export async function timelinessLatency(options: FrontDeskOptions) {
  const session = await loginSession(options.baseUrl, 'responsabile', DEMO_PASSWORD);
  const to = clock.now();
  const from = new Date(to.getTime() - options.timelinessDays * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const path = `/api/reports/timeliness?from=${day(from)}&to=${day(to)}&groupBy=month`;
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(`${options.baseUrl}${path}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
    const body = (await response.json()) as { rows?: { referred: number }[] };
    if (!response.ok) throw new Error(`timeliness report failed: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, referred: (body.rows ?? []).reduce((sum, row) => sum + row.referred, 0), rows: body.rows?.length ?? 0 };
  };
  log(`timeliness report: ${options.timelinessRuns} requests over ${options.timelinessDays} days of referrals`);
  await ask();
  await ask();
  const runs = [];
  for (let i = 0; i < options.timelinessRuns; i++) runs.push(await ask());
  const latency = percentiles(runs.map((run) => run.ms));
  const accesses = (await options.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_record WHERE occurred_at >= $1`, [from])).rows[0]?.n ?? 0;
  return {
    endpoint: 'GET /api/reports/timeliness (whole period, by month)',
    period: { from: day(from), to: day(to) },
    accessesInPeriod: accesses,
    referralsCounted: runs[0]?.referred ?? 0,
    rows: runs[0]?.rows ?? 0,
    runs: runs.length,
    latencyMs: { p50: latency.p50, p95: latency.p95, max: latency.max, average: round2(runs.reduce((sum, run) => sum + run.ms, 0) / runs.length) },
  };
}
