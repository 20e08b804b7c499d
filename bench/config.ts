import os from 'node:os';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Every knob of the benchmark, from the environment (see bench/README.md). */
export interface BenchConfig {
  /** Server URL without a database name, e.g. postgresql://postgres@127.0.0.1:5432/ */
  serverUrl: string;
  databaseName: string;
  persons: number;
  /** Access records seeded for the front-desk scenarios (timeliness report). */
  accesses: number;
  /** Case records seeded for the case page and the worklist. */
  cases: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  pgbenchThreads: number;
  /** How many distinct person ids the read scenarios rotate over. */
  sampleIds: number;
  resultsFile: string;
  workDir: string;
}

export function loadBenchConfig(): BenchConfig {
  return {
    serverUrl: process.env.TRAMA_BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/',
    databaseName: process.env.TRAMA_BENCH_DB ?? 'trama_bench',
    persons: intFromEnv('TRAMA_BENCH_PERSONS', 1_000_000),
    accesses: intFromEnv('TRAMA_BENCH_ACCESSES', 3_000_000),
    cases: intFromEnv('TRAMA_BENCH_CASES', 300_000),
    seconds: intFromEnv('TRAMA_BENCH_SECONDS', 20),
    warmupSeconds: intFromEnv('TRAMA_BENCH_WARMUP_SECONDS', 3),
    connections: 32,
    pgbenchThreads: 2,
    sampleIds: intFromEnv('TRAMA_BENCH_SAMPLE_IDS', 20_000),
    resultsFile: process.env.TRAMA_BENCH_RESULTS ?? 'bench/results.json',
    workDir: process.env.TRAMA_BENCH_WORK_DIR ?? `${os.tmpdir()}/trama-bench`,
  };
}

/** The server URL with another database name. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The targets the results are judged against (bench/README.md). */
export const TARGETS = {
  readRps: 2000,
  readP95Ms: 25,
  readRatio: 0.6,
  searchP95Ms: 20,
  rssMb: 300,
  accessWriteRps: 1000,
  timelinessMs: 500,
  casePageRps: 1000,
  worklistMs: 200,
  providerDeliveryRps: 500,
  /** One team meeting approving 10,000 contributions into the payment lists (issue 6). */
  contributionApprovalMs: 5000,
} as const;
