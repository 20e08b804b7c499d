#!/usr/bin/env node
// `npm test`: unit tests, integration tests on PGlite and on the PostgreSQL server, then the
// end-to-end browser tests. Without a reachable server the PostgreSQL run is skipped with a notice,
// except in CI (CI=true), where a missing server is a failure.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const serverUrl = process.env.TRAMA_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const runId = `${process.pid}_${Date.now().toString(36)}`;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TRAMA_TEST_RUN_ID: runId, ...env } });
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

const extra = process.argv.slice(2);
run('unit tests', 'npx', ['vitest', 'run', '--project', 'unit', ...extra]);
run('integration tests on PGlite', 'npx', ['vitest', 'run', '--project', 'integration', ...extra], { TRAMA_TEST_ENGINE: 'pglite' });
if (await serverReachable()) {
  run('integration tests on PostgreSQL', 'npx', ['vitest', 'run', '--project', 'integration', ...extra], { TRAMA_TEST_ENGINE: 'postgres' });
} else if (isCi) {
  console.error(`✖ PostgreSQL server not reachable at ${serverUrl}: in CI the suite must run on both engines.`);
  process.exit(1);
} else {
  console.warn(`⚠ PostgreSQL server not reachable at ${serverUrl}: running on PGlite only (set TRAMA_TEST_PG_URL to use another server).`);
}
run('build the web app', 'npm', ['run', 'build:web']);
run('end-to-end tests in headless Chromium', 'npx', ['vitest', 'run', '--project', 'e2e', '--passWithNoTests', ...extra]);
console.log('\n✔ all tests passed');
