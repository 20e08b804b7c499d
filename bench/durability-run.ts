/** `npm run bench:durability`: only the PGlite durability case, merged into the results file (no PostgreSQL needed). */
import fs from 'node:fs';
import path from 'node:path';
import { loadBenchConfig } from './config.ts';
import { pgliteDurability } from './pglite-durability.ts';

const config = loadBenchConfig();
const writes = Number.parseInt(process.env.TRAMA_BENCH_DURABLE_WRITES ?? '1000', 10);
const result = await pgliteDurability(writes, process.env.TRAMA_BENCH_DURABLE_DIR);
const previous: { scenarios?: Record<string, unknown> } = fs.existsSync(config.resultsFile)
  ? (JSON.parse(fs.readFileSync(config.resultsFile, 'utf8')) as { scenarios?: Record<string, unknown> })
  : {};
const results = { ...previous, scenarios: { ...previous.scenarios, pgliteDurability: result } };
fs.mkdirSync(path.dirname(config.resultsFile), { recursive: true });
fs.writeFileSync(config.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
