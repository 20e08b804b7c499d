import path from 'node:path';

/** Which engine this test run uses: `TRAMA_TEST_ENGINE=postgres` runs the suite on the PostgreSQL server. */
export const testEngine = process.env.TRAMA_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const serverUrl = process.env.TRAMA_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const workDir = path.resolve('.trama-test');
export const pgliteTemplateFile = path.join(workDir, 'pglite-template.tar.gz');
export const postgresTemplateName = `trama_template_${process.env.TRAMA_TEST_RUN_ID ?? 'local'}`;

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
