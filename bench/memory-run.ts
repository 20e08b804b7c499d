/** `npm run bench:memory`: resident memory and cold start on both engines (bench/memory.ts), merged into the results file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../src/platform/db/database.ts';
import { loadBenchConfig } from './config.ts';
import { memoryAndColdStart } from './memory.ts';
import type { Runtime } from './server.ts';

const config = loadBenchConfig();
const list = <T extends string>(name: string, fallback: T[]): T[] => (process.env[name] ? (process.env[name].split(',') as T[]) : fallback);
const result = await memoryAndColdStart({
  engines: list<Engine>('TRAMA_BENCH_ENGINES', ['pglite', 'postgres']),
  runtimes: list<Runtime>('TRAMA_BENCH_RUNTIMES', ['compiled', 'tsx']),
  serverUrl: config.serverUrl,
  databaseName: process.env.TRAMA_BENCH_MEMORY_DB ?? 'trama_bench_memory',
  workDir: config.workDir,
  coldStarts: Number.parseInt(process.env.TRAMA_BENCH_COLD_STARTS ?? '5', 10),
  seconds: config.seconds,
  warmupSeconds: config.warmupSeconds,
});
const previous: { scenarios?: Record<string, unknown> } = fs.existsSync(config.resultsFile)
  ? (JSON.parse(fs.readFileSync(config.resultsFile, 'utf8')) as { scenarios?: Record<string, unknown> })
  : {};
const results = { ...previous, scenarios: { ...previous.scenarios, memory: result } };
fs.mkdirSync(path.dirname(config.resultsFile), { recursive: true });
fs.writeFileSync(config.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
