/**
 * Quick latency check of the worklist and the overdue list with 300,000 cases on PostgreSQL (not part of
 * `npm run bench`). Run on an empty database:
 *   psql postgresql://postgres@127.0.0.1:5432/postgres -c 'DROP DATABASE IF EXISTS trama_procedures_perf' -c 'CREATE DATABASE trama_procedures_perf'
 *   npx tsx bench/worklist-perf.ts
 * Measured 2026-11-26 on 2 cores: summary ~23 ms, a worklist page 5–16 ms, overdue list (500 rows) ~19 ms (median of 6).
 */
import { createApp, prepareDatabase } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { login } from '../test/support/test-app.ts';
import { sql } from 'kysely';

const url = 'postgresql://postgres@127.0.0.1:5432/trama_procedures_perf';
const database = await openDatabase({ databaseUrl: url });
const config = loadConfig({ databaseUrl: url });
await prepareDatabase({ database, config });
const fresh = await seedDemo(database.db, { persons: 300 });
const db = database.db;
if (fresh) {
  const t0 = Date.now();
  await sql`INSERT INTO case_record (reference, municipality_code, area_id, status, owner_id, team_id, next_review_on, last_activity_at, opened_at, opened_by, closed_at, closure_reason, closure_outcome)
    SELECT 'P' || g, m.code, NULL, s.status, u.id, NULL,
      CASE WHEN s.status = 'closed' THEN NULL ELSE current_date + ((g % 400) - 200)::int END,
      now() - ((g % 500) || ' days')::interval, now() - interval '600 days', u.id,
      CASE WHEN s.status = 'closed' THEN now() ELSE NULL END, CASE WHEN s.status = 'closed' THEN 'goals_achieved' ELSE NULL END, CASE WHEN s.status = 'closed' THEN 'ok' ELSE NULL END
    FROM generate_series(1, 300000) g
    CROSS JOIN LATERAL (SELECT (ARRAY['open','assessing','in_charge','in_charge','suspended','closed','closed'])[1 + g % 7] AS status) s
    CROSS JOIN LATERAL (SELECT (SELECT array_agg(municipality_code ORDER BY municipality_code) FROM (SELECT DISTINCT municipality_code FROM person) x)[1 + g % 8] AS code) m
    CROSS JOIN LATERAL (SELECT id FROM app_user WHERE username = (CASE WHEN g % 2 = 0 THEN 'assistente' ELSE 'assistente2' END)) u`.execute(db);
  await sql`INSERT INTO case_procedure (case_id, municipality_code, procedure_type_id, subject, started_on, legal_days, due_on, created_by, updated_by)
    SELECT c.id, c.municipality_code, (SELECT id FROM procedure_type LIMIT 1), 'Domanda', current_date - (n % 200)::int, 30, current_date - (n % 200)::int + 30, c.owner_id, c.owner_id
    FROM (SELECT id, municipality_code, owner_id, row_number() OVER () AS n FROM case_record LIMIT 60000) c`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  console.log('seeded in', Date.now() - t0, 'ms');
}
const app = await createApp({ database, config }, { logger: false });
for (const who of ['responsabile', 'assistente']) {
  const client = await login(app, who);
  for (const path of ['/api/worklist/summary', '/api/worklist/review?limit=20', '/api/worklist/inactive?limit=20', '/api/worklist/procedures?limit=20', '/api/worklist/review?limit=20&offset=2000', '/api/procedures/overdue']) {
    const times: number[] = [];
    let status = 0;
    let size = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const r = await client.request('GET', path);
      times.push(performance.now() - t);
      status = r.statusCode;
      size = r.body.length;
    }
    times.sort((a, b) => a - b);
    console.log(who, path, status, size, 'median ms', times[3]!.toFixed(1), 'max', times[5]!.toFixed(1));
  }
}
await app.close();
await database.close();
