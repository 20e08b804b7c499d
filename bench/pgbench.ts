import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CapturedQuery } from './capture.ts';
import { percentiles, type Percentiles } from './stats.ts';

/** The table of sampled persons the pgbench script draws from (`n` = 1..count). */
export const SAMPLE_TABLE = 'bench_read_id';

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === null ? 'NULL' : `"${String(item).replace(/["\\]/g, '\\$&')}"`));
    return literal(`{${items.join(',')}}`);
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new Error(`no SQL literal for ${typeof value}`);
}

const TOUCHES_READ_TABLES = /\b(from|into|join)\s+"?(person|access_log)"?(\s|$|\))/i;
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\s*;?\s*$/i;

/**
 * Turns the statements the read endpoint sent into a pgbench script: the person select and the
 * access-log insert (with the transaction around them), parameters as literals except the person's
 * id and municipality, which come from a random row of the sample table on each transaction.
 */
export function pgbenchScript(captured: CapturedQuery[], sample: { id: string; municipalityCode: string }, sampleCount: number) {
  const kept = captured.filter((query) => TRANSACTION_CONTROL.test(query.sql) || TOUCHES_READ_TABLES.test(query.sql));
  const statements = kept.map((query) =>
    query.sql.replace(/\$(\d+)/g, (_match, digits: string) => {
      const value = query.parameters[Number(digits) - 1];
      if (value === sample.id) return `(SELECT id FROM ${SAMPLE_TABLE} WHERE n = :r)`;
      if (value === sample.municipalityCode) return `(SELECT municipality_code FROM ${SAMPLE_TABLE} WHERE n = :r)`;
      return literal(value);
    }),
  );
  const skipped = captured.filter((query) => !kept.includes(query)).map((query) => query.sql);
  const script = [`\\set r random(1, ${sampleCount})`, ...statements.map((statement) => `${statement.trim()};`)].join('\n') + '\n';
  return { script, statements, skipped };
}

export interface PgbenchResult {
  tps: number;
  latencyAverageMs: number;
  latency: Percentiles;
  transactions: number;
  failed: number;
  clients: number;
  threads: number;
  seconds: number;
  protocol: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ stdout, stderr, code });
    });
  });
}

/** pgbench with a custom script; latencies from its per-transaction log. */
export async function runPgbench(options: {
  url: string;
  scriptFile: string;
  clients: number;
  threads: number;
  seconds: number;
  logDir: string;
  /** extended: parse and plan every time, as node-pg does; prepared: once per connection. */
  protocol: 'extended' | 'prepared';
}): Promise<PgbenchResult> {
  fs.rmSync(options.logDir, { recursive: true, force: true });
  fs.mkdirSync(options.logDir, { recursive: true });
  const prefix = path.join(options.logDir, 'tx');
  const { protocol } = options;
  const args = [
    '-n',
    `--client=${options.clients}`,
    `--jobs=${options.threads}`,
    `--time=${options.seconds}`,
    `--protocol=${protocol}`,
    `--file=${options.scriptFile}`,
    '--log',
    `--log-prefix=${prefix}`,
    options.url,
  ];
  const { stdout, stderr, code } = await run('pgbench', args, process.env);
  if (code !== 0) throw new Error(`pgbench failed (${code}):\n${stderr}\n${stdout}`);
  const number = (pattern: RegExp) => {
    const match = pattern.exec(stdout);
    if (!match?.[1]) throw new Error(`pgbench output without ${pattern.source}:\n${stdout}`);
    return Number(match[1]);
  };
  const latencies: number[] = [];
  for (const file of fs.readdirSync(options.logDir)) {
    for (const line of fs.readFileSync(path.join(options.logDir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAverageMs: number(/latency average = ([\d.]+) ms/),
    latency: percentiles(latencies),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0),
    clients: options.clients,
    threads: options.threads,
    seconds: options.seconds,
    protocol,
  };
}
