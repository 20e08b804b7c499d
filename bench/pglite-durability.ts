/**
 * The cost of TRAMA_PGLITE_DURABLE: N acknowledged inserts (one transaction each, through Kysely as the
 * services write) into PGlite on a folder, with PGlite's default (fsync off) and with the durable
 * setting (every commit synced to the disk). `npm run bench` includes it; `npm run bench:durability`
 * runs only this case and puts it into the results file. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { percentiles, round2, type Percentiles } from './stats.ts';

export interface DurabilityRun {
  writesPerSecond: number;
  latencyMs: Percentiles;
  /** fsync calls PGlite made during the writes (counted by the durable file system; 0 when off). */
  fsyncs: number | null;
}

export interface PgliteDurability {
  writes: number;
  dataDir: string;
  relaxed: DurabilityRun;
  durable: DurabilityRun;
  /** Durable write latency p50 / relaxed p50. */
  slowdownP50: number;
}

async function run(dir: string, durable: boolean, writes: number): Promise<DurabilityRun> {
  let fsyncs = 0;
  const database = await openDatabase({ pgliteDir: dir, pgliteDurable: durable, onPgliteFsync: () => fsyncs++ });
  try {
    await database.exec('CREATE TABLE bench_note (id int PRIMARY KEY, body text NOT NULL)');
    const body = 'x'.repeat(300);
    const latencies = new Float64Array(writes);
    fsyncs = 0;
    const started = performance.now();
    for (let i = 0; i < writes; i++) {
      const t0 = performance.now();
      await sql`INSERT INTO bench_note (id, body) VALUES (${i}, ${body})`.execute(database.db);
      latencies[i] = performance.now() - t0;
    }
    const seconds = (performance.now() - started) / 1000;
    return { writesPerSecond: round2(writes / seconds), latencyMs: percentiles(latencies), fsyncs: durable ? fsyncs : null };
  } finally {
    await database.close();
  }
}

/** `dir`: where the data folders go (TRAMA_BENCH_DURABLE_DIR; the system's temporary folder by default): put it on the disk TRAMA_DATA_DIR would use. */
export async function pgliteDurability(writes: number, dir = os.tmpdir()): Promise<PgliteDurability> {
  const root = fs.mkdtempSync(path.join(dir, 'trama-durability-'));
  try {
    const relaxed = await run(path.join(root, 'relaxed'), false, writes);
    const durable = await run(path.join(root, 'durable'), true, writes);
    return { writes, dataDir: root, relaxed, durable, slowdownP50: round2(durable.latencyMs.p50 / relaxed.latencyMs.p50) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
