import path from 'node:path';

/** Which engine this test run uses: `TRAMA_TEST_ENGINE=postgres` runs the suite on the PostgreSQL server. */
export const testEngine = process.env.TRAMA_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const serverUrl = process.env.TRAMA_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** A streaming replica of that server (scripts/replica.mjs, started by `npm test`); unset: the replica tests are skipped. */
export const replicaServerUrl = process.env.TRAMA_TEST_REPLICA_URL || undefined;
export const workDir = path.resolve('.trama-test');
const runId = process.env.TRAMA_TEST_RUN_ID ?? 'local';
export const pgliteTemplateFile = path.join(workDir, `pglite-template-${runId}.tar.gz`);
/** The demo the end-to-end servers start from (PGlite, 150 persons). */
export const e2eTemplateFile = path.join(workDir, `e2e-template-${runId}.tar.gz`);
export const postgresTemplateName = `trama_template_${runId}`;

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The same database on another server (the replica holds a copy of every database of its primary). */
export function onServer(url: string, server: string): string {
  const moved = new URL(server);
  moved.pathname = new URL(url).pathname;
  return moved.toString();
}
