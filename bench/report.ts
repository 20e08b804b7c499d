import type { PgliteDurability } from './pglite-durability.ts';
import type { CpuShare } from './cpu.ts';

export interface Target {
  target: string;
  value: number;
  pass: boolean;
}

interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  average: number;
}

interface HttpScenario {
  endpoint: string;
  requestsPerSecond: number;
  latencyMs: LatencyMs;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  connections: number;
  seconds: number;
  serverRssMaxMb: number;
  /** CPU cores used during the load, by process (see bench/cpu.ts). */
  cpuCores: CpuShare;
}

interface Worklist {
  endpoint: string;
  openCases: number;
  reviewOverdueCases: number;
  runs: number;
  latencyMs: { p50: number; p95: number; max: number; average: number };
}

/** The shape of bench/results.json. */
export interface Results {
  date: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  seed: Record<string, unknown>;
  accessSeed: Record<string, unknown>;
  caseSeed: Record<string, unknown>;
  scenarios: {
    read: HttpScenario & {
      pgbench: {
        tps: number;
        latencyMs: LatencyMs;
        transactions: number;
        failed: number;
        clients: number;
        threads: number;
        seconds: number;
        protocol: string;
        cpuCores: CpuShare;
        extendedProtocolTps: number;
        script: string[];
        statementsNotInScript: string[];
      };
      ratioToPgbench: number;
    };
    search: HttpScenario;
    accessWrite: HttpScenario & { accessesWritten: number };
    providerDelivery: HttpScenario & { interventions: number; deliveriesWritten: number };
    timeliness: {
      endpoint: string;
      period: { from: string; to: string };
      accessesInPeriod: number;
      referralsCounted: number;
      rows: number;
      runs: number;
      latencyMs: { p50: number; p95: number; max: number; average: number };
    };
    casePage: HttpScenario & { sampledCases: number; caseReadLogRows: number };
    worklist: Worklist;
    worklistSummary: Worklist;
    contributions: { endpoint: string; contributions: number; approved: number; paymentLines: number; listTotalCents: number; elapsedMs: number };
    /** Embedded engine only: acknowledged writes with and without TRAMA_PGLITE_DURABLE (bench/pglite-durability.ts). */
    pgliteDurability?: PgliteDurability;
  };
  server: Record<string, number>;
  checks: Record<string, unknown>;
  targets: Record<string, Target>;
  pass: boolean;
  durationSeconds: number;
}

const pad = (value: string, width: number) => value.padEnd(width);
const num = (value: number, digits = 1) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printTable(results: Results): void {
  const { read, search, accessWrite, providerDelivery, timeliness, casePage, worklist, worklistSummary, contributions } = results.scenarios;
  const rows: string[][] = [
    ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'RSS max MB'],
    ['read  GET /api/persons/:id', num(read.requestsPerSecond, 0), num(read.latencyMs.p50), num(read.latencyMs.p95), num(read.latencyMs.p99), String(read.errors), String(read.non2xx), num(read.serverRssMaxMb, 0)],
    ['search GET /api/persons?q=', num(search.requestsPerSecond, 0), num(search.latencyMs.p50), num(search.latencyMs.p95), num(search.latencyMs.p99), String(search.errors), String(search.non2xx), num(search.serverRssMaxMb, 0)],
    ['access write POST /api/accesses', num(accessWrite.requestsPerSecond, 0), num(accessWrite.latencyMs.p50), num(accessWrite.latencyMs.p95), num(accessWrite.latencyMs.p99), String(accessWrite.errors), String(accessWrite.non2xx), num(accessWrite.serverRssMaxMb, 0)],
    ['provider delivery POST', num(providerDelivery.requestsPerSecond, 0), num(providerDelivery.latencyMs.p50), num(providerDelivery.latencyMs.p95), num(providerDelivery.latencyMs.p99), String(providerDelivery.errors), String(providerDelivery.non2xx), num(providerDelivery.serverRssMaxMb, 0)],
    ['case page GET /api/cases/:id', num(casePage.requestsPerSecond, 0), num(casePage.latencyMs.p50), num(casePage.latencyMs.p95), num(casePage.latencyMs.p99), String(casePage.errors), String(casePage.non2xx), num(casePage.serverRssMaxMb, 0)],
    ['pgbench read SQL (tps)', num(read.pgbench.tps, 0), num(read.pgbench.latencyMs.p50), num(read.pgbench.latencyMs.p95), num(read.pgbench.latencyMs.p99), String(read.pgbench.failed), '-', '-'],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? pad(cell, widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  console.log(`\n${lines.join('\n')}\n`);
  console.log(`Trama / pgbench (prepared) = ${num(read.ratioToPgbench, 2)} (pgbench parsing every time: ${num(read.pgbench.extendedProtocolTps, 0)} tps)`);
  const cpu = (c: CpuShare) => `server ${c.server}, autocannon ${c.loadGenerator}, postgres ${c.postgres}, other ${c.other} of ${c.cores}`;
  console.log(`CPU cores during read: ${cpu(read.cpuCores)}; during search: ${cpu(search.cpuCores)}; during access write: ${cpu(accessWrite.cpuCores)}`);
  console.log(
    `timeliness report over ${timeliness.accessesInPeriod.toLocaleString('en')} accesses (${timeliness.referralsCounted.toLocaleString('en')} referrals), ${timeliness.runs} runs: p50 ${num(timeliness.latencyMs.p50)} ms, p95 ${num(timeliness.latencyMs.p95)} ms, max ${num(timeliness.latencyMs.max)} ms`,
  );
  for (const list of [worklist, worklistSummary]) {
    console.log(`${list.endpoint} as the manager over ${list.openCases.toLocaleString('en')} open cases (${list.reviewOverdueCases.toLocaleString('en')} past review), ${list.runs} runs: p50 ${num(list.latencyMs.p50)} ms, p95 ${num(list.latencyMs.p95)} ms`);
  }
  console.log(`${contributions.endpoint}: ${contributions.contributions.toLocaleString('en')} contributions, ${contributions.paymentLines.toLocaleString('en')} payment lines in ${contributions.elapsedMs} ms`);
  const seed = results.seed;
  if (typeof seed.rowsPerSecond === 'number') {
    console.log(`seeding: ${num(seed.rowsPerSecond, 0)} persons/s (load ${num(seed.loadSeconds as number)} s + indexes ${num(seed.indexSeconds as number)} s)`);
  }
  console.log('\ntargets:');
  for (const [name, target] of Object.entries(results.targets)) {
    console.log(`  ${target.pass ? 'PASS' : 'FAIL'}  ${pad(name, 22)} ${pad(target.target, 22)} measured ${target.value}`);
  }
  console.log(`\n${results.pass ? 'all targets met' : 'some targets missed'}`);
}
