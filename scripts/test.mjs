#!/usr/bin/env node
// `npm test`: unit tests, integration tests on PGlite and on the PostgreSQL server (with a streaming replica
// of it for the read-replica tests), then the end-to-end browser tests. Without a reachable server the
// PostgreSQL run is skipped with a notice, except in CI (CI=true), where a missing server is a failure.
//
// `npm run test:dates` (`--dates`): the integration and end-to-end suites again with Trama's clock on the
// awkward days below, the guard against tests that pass only on some dates.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const serverUrl = process.env.TRAMA_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const isCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * [TRAMA_NOW, engine of the integration run]: between them, every kind of day a calendar bug needs. The
 * integration runs use the server (twice as fast); PGlite meets these days in the browser tests' servers and
 * in demo-story.int.test.ts.
 */
const AWKWARD_DAYS = [
  // Leap day and last day of the month, 20 minutes after midnight: still 28 February in UTC.
  ['2028-02-29T00:20:00+01:00', 'postgres'],
  // 31 December, a Sunday: the year and the month end tomorrow.
  ['2028-12-31T18:00:00+01:00', 'postgres'],
  // The night clocks go back in Italy, in the repeated hour (the second 02:30): a Sunday, last of the month.
  ['2027-10-31T02:30:00+01:00', 'postgres'],
];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

async function serverReachable() {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** One run's environment: its own databases, and (when the clock is moved) one timeline for all its processes. */
function runEnv(now, at = String(Date.now())) {
  const env = { TRAMA_TEST_RUN_ID: `${process.pid}_${Date.now().toString(36)}` };
  if (now) Object.assign(env, { TRAMA_NOW: now, TRAMA_NOW_AT: at });
  return env;
}

const vitest = (project, extra) => ['vitest', 'run', '--project', project, ...(project === 'e2e' ? ['--passWithNoTests'] : []), ...extra];
const extra = process.argv.slice(2).filter((arg) => arg !== '--dates');
const hasServer = await serverReachable();
if (!hasServer && isCi) {
  console.error(`✖ PostgreSQL server not reachable at ${serverUrl}: in CI the suite must run on both engines.`);
  process.exit(1);
}

/**
 * A streaming replica of the server for the read-replica tests (scripts/replica.mjs: pg_basebackup, port 5433),
 * stopped when this script ends. Locally, a machine that cannot make one (no PostgreSQL binaries, pg_hba.conf
 * not writable) skips those tests with a notice; in CI that is a failure. TRAMA_TEST_REPLICA_URL names one
 * already running instead.
 */
function replicaEnvironment() {
  if (!hasServer) return {};
  if (process.env.TRAMA_TEST_REPLICA_URL) return { TRAMA_TEST_REPLICA_URL: process.env.TRAMA_TEST_REPLICA_URL };
  console.log('\n▶ PostgreSQL replica for the read-replica tests');
  const started = spawnSync('node', ['scripts/replica.mjs', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (started.status === 0) {
    process.on('exit', () => spawnSync('node', ['scripts/replica.mjs', 'stop'], { stdio: 'inherit' }));
    return { TRAMA_TEST_REPLICA_URL: started.stdout.trim().split('\n').at(-1) };
  }
  if (isCi || started.status !== 2) {
    console.error('✖ the PostgreSQL replica could not be set up (see above).');
    process.exit(1);
  }
  console.warn('⚠ no PostgreSQL replica on this machine (see above): the read-replica tests are skipped.');
  return {};
}
const replicaEnv = replicaEnvironment();

if (process.argv.includes('--dates')) {
  run('build the web app', 'npm', ['run', 'build:web']);
  // Every integration test on every awkward day; the browser tests split between the days (vitest's
  // shards), so each browser path meets one of them and the whole run stays within CI's time.
  for (const [index, [now, wanted]] of AWKWARD_DAYS.entries()) {
    const engine = wanted === 'postgres' && !hasServer ? 'pglite' : wanted;
    const env = runEnv(now);
    const shard = `${index + 1}/${AWKWARD_DAYS.length}`;
    run(`integration tests on ${engine}, on ${now}`, 'npx', vitest('integration', extra), { ...env, ...replicaEnv, TRAMA_TEST_ENGINE: engine });
    run(`end-to-end tests in headless Chromium (shard ${shard}), on ${now}`, 'npx', vitest('e2e', ['--shard', shard, ...extra]), env);
  }
  console.log('\n✔ all tests passed on every awkward day');
  process.exit(0);
}

// The suite "on" another date: TRAMA_NOW=2028-02-29T00:20:00+01:00 npm test.
const env = runEnv(process.env.TRAMA_NOW, process.env.TRAMA_NOW_AT);
if (process.env.TRAMA_NOW) console.log(`\n🕑 Trama's clock: ${process.env.TRAMA_NOW} (TRAMA_NOW)`);
run('unit tests', 'npx', vitest('unit', extra), env);
run('integration tests on PGlite', 'npx', vitest('integration', extra), { ...env, TRAMA_TEST_ENGINE: 'pglite' });
if (hasServer) {
  run('integration tests on PostgreSQL', 'npx', vitest('integration', extra), { ...env, ...replicaEnv, TRAMA_TEST_ENGINE: 'postgres' });
} else {
  console.warn(`⚠ PostgreSQL server not reachable at ${serverUrl}: running on PGlite only (set TRAMA_TEST_PG_URL to use another server).`);
}
run('build the web app', 'npm', ['run', 'build:web']);
run('end-to-end tests in headless Chromium', 'npx', vitest('e2e', extra), env);
console.log('\n✔ all tests passed');
