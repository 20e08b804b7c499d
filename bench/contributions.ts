import type pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/demo-territory.ts';
import { loginSession } from './server.ts';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The month the bench's contributions are paid in: far from the demo's lists. */
export const BENCH_MONTH = '2030-01-01';

/**
 * SQL that gives up to `cases` open cases of assistente's team a draft plan (when they have none) and
 * proposes `count` one-off contributions by assistente spread over them (amounts of € 10.00 to € 99.99).
 * Integers only, inlined: the same text runs on pg and on PGlite.
 */
export function proposalSeedSql(count: number, cases: number): string[] {
  const n = Math.trunc(count);
  const c = Math.trunc(cases);
  return [
    `INSERT INTO care_plan (case_id, municipality_code, version_number, period_start, period_end, created_by, updated_by)
     SELECT c.id, c.municipality_code, 1, DATE '2030-01-01', DATE '2030-12-31', c.owner_id, c.owner_id
     FROM case_record c JOIN app_user u ON u.id = c.owner_id
     WHERE u.username = 'assistente' AND c.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM care_plan p WHERE p.case_id = c.id)
     ORDER BY c.id LIMIT ${String(c)}`,
    `WITH plans AS (
       SELECT p.id, p.case_id, p.municipality_code, (SELECT cp.person_id FROM case_person cp WHERE cp.case_id = p.case_id ORDER BY cp.person_id LIMIT 1) AS person_id,
              row_number() OVER (ORDER BY p.case_id) - 1 AS k
       FROM care_plan p JOIN case_record c ON c.id = p.case_id JOIN app_user u ON u.id = c.owner_id
       WHERE u.username = 'assistente' AND c.team_id IS NOT NULL AND p.status <> 'closed'
       ORDER BY p.case_id LIMIT ${String(c)}
     )
     INSERT INTO contribution (case_id, municipality_code, plan_id, person_id, kind, amount_cents, first_month, months, reason, funding_line, payment_method, iban, proposed_by)
     SELECT p.case_id, p.municipality_code, p.id, p.person_id, 'one_off', 1000 + (g * 37) % 9000, DATE '${BENCH_MONTH}', 1,
            'Contributo di prova del bench', (ARRAY['municipal_social_fund', 'poverty_fund', 'region'])[1 + g % 3], 'bank_transfer', 'IT60X0542811101000000123456',
            (SELECT id FROM app_user WHERE username = 'assistente')
     FROM generate_series(0, ${String(n - 1)}) g
     JOIN plans p ON p.k = g % (SELECT count(*) FROM plans)
     WHERE p.person_id IS NOT NULL`,
  ];
}

/**
 * "Approving 10,000 contributions into a payment list": 10,000 proposals seeded by SQL, then one team
 * meeting (POST /api/team-meetings by assistente2, a colleague of the proposer) that approves them all
 * and builds the payment lists. Measured: that one API call, end to end.
 */
export async function contributionApproval(options: { baseUrl: string; admin: pg.Client; count: number; cases: number }) {
  log(`contribution approval: seeding ${options.count.toLocaleString('en')} proposals over up to ${options.cases.toLocaleString('en')} cases`);
  for (const statement of proposalSeedSql(options.count, options.cases)) await options.admin.query(statement);
  const { rows } = await options.admin.query<{ id: string }>(
    `SELECT k.id FROM contribution k JOIN app_user u ON u.id = k.proposed_by WHERE u.username = 'assistente' AND k.status = 'proposed' AND k.first_month = DATE '${BENCH_MONTH}'`,
  );
  const session = await loginSession(options.baseUrl, 'assistente2', DEMO_PASSWORD);
  const body = JSON.stringify({ heldOn: '2029-12-15', note: 'Bench', decisions: rows.map((row) => ({ contributionId: row.id, decision: 'approve', note: '' })) });
  const started = performance.now();
  const response = await fetch(`${options.baseUrl}/api/team-meetings`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  const answer = (await response.json()) as { id?: string; approved?: number; paymentLines?: number };
  const elapsedMs = Math.round(performance.now() - started);
  if (!response.ok) throw new Error(`team meeting failed: ${response.status} ${JSON.stringify(answer)}`);
  const lines = await options.admin.query<{ n: number; cents: string }>(
    // This meeting's lines only: a repeated run (TRAMA_BENCH_SKIP_SEED) finds the earlier runs' lines in the same month.
    `SELECT count(*)::int AS n, sum(l.amount_cents)::bigint AS cents FROM payment_line l
       JOIN payment_list pl ON pl.id = l.list_id
       JOIN team_meeting_decision d ON d.contribution_id = l.contribution_id
      WHERE pl.month = DATE '${BENCH_MONTH}' AND d.meeting_id = $1`,
    [answer.id],
  );
  log(`contribution approval: ${rows.length.toLocaleString('en')} approved in ${elapsedMs} ms`);
  return {
    endpoint: 'POST /api/team-meetings (approve every proposal, build the payment lists; audited)',
    contributions: rows.length,
    approved: answer.approved ?? 0,
    paymentLines: lines.rows[0]?.n ?? 0,
    listTotalCents: Number(lines.rows[0]?.cents ?? 0),
    elapsedMs,
  };
}
