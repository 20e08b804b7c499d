import pg from 'pg';

/** Cases per INSERT … SELECT FROM generate_series. */
const CHUNK = 50_000;

export interface CaseSeedResult {
  cases: number;
  seconds: number;
  rowsPerSecond: number;
}

const STATUSES = `(ARRAY['in_charge','in_charge','in_charge','in_charge','in_charge','in_charge','in_charge','assessing','assessing','open','open','suspended','closed','closed'])`;

/**
 * Fills the bench database with `count` case records of the demo Union, each with its beneficiary,
 * its opening in the status history, owners alternating between the two demo social workers of the
 * same team, next-review dates spread from two months ago to ten months ahead and last activity over
 * the past year (so the overdue worklist has real work to do). Plain SQL, foreign-key triggers off as
 * pg_restore does: the point is the data's size and shape, the write path is measured elsewhere.
 */
export async function seedCases(url: string, count: number): Promise<CaseSeedResult> {
  const started = process.hrtime.bigint();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET session_replication_role = replica`);
    const users = await client.query<{ username: string; id: string }>(`SELECT username, id FROM app_user WHERE username IN ('assistente', 'assistente2')`);
    const ids = Object.fromEntries(users.rows.map((row) => [row.username, row.id]));
    const team = await client.query<{ team_id: string }>(`SELECT team_id FROM team_member WHERE user_id = $1 LIMIT 1`, [ids.assistente]);
    if (!ids.assistente || !ids.assistente2) throw new Error('the demo social workers are missing: seed the demo first');
    await client.query(`CREATE TEMP TABLE bench_case_person AS
      SELECT row_number() OVER (ORDER BY p.id) AS n, p.id, p.municipality_code FROM person p
      WHERE p.municipality_code IN (SELECT gm.municipality_code FROM territory_group g JOIN territory_group_member gm ON gm.group_id = g.id
                                    WHERE g.kind = 'union' AND g.name = 'Unione Reno Galliera')`);
    await client.query(`CREATE UNIQUE INDEX ON bench_case_person (n)`);
    const persons = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM bench_case_person`)).rows[0]?.n ?? 0);
    if (persons < count) throw new Error(`only ${persons} persons to open ${count} cases for`);
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await client.query(
        `WITH made AS (
           INSERT INTO case_record (reference, municipality_code, status, owner_id, team_id, need_area_codes, next_review_on,
                                    last_activity_at, opened_at, opened_by, closed_at, closure_reason, closure_outcome)
           SELECT (2021 + g % 3) || '/' || lpad(g::text, 6, '0'), p.municipality_code, s.status,
                  CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END, $5::uuid,
                  ARRAY[(ARRAY['ELD','DIS','FAM','POV','ADD'])[1 + g % 5]],
                  current_date + ((g * 7) % 365 - 60),
                  now() - ((g * 13) % 365) * interval '1 day',
                  now() - (400 + g % 700) * interval '1 day', $3::uuid,
                  CASE WHEN s.status = 'closed' THEN now() - (g % 300) * interval '1 day' END,
                  CASE WHEN s.status = 'closed' THEN 'goals_achieved' END,
                  CASE WHEN s.status = 'closed' THEN 'Obiettivi raggiunti' END
           FROM generate_series($1::int, $2::int) AS g
           JOIN bench_case_person p ON p.n = g
           CROSS JOIN LATERAL (SELECT ${STATUSES}[1 + g % 14] AS status) s
           RETURNING id, reference, municipality_code, opened_at, status
         ), persons AS (
           INSERT INTO case_person (case_id, person_id, role, municipality_code, added_at, added_by)
           SELECT m.id, p.id, 'beneficiary', m.municipality_code, m.opened_at, $3::uuid
           FROM made m JOIN bench_case_person p ON p.n = split_part(m.reference, '/', 2)::int
         )
         INSERT INTO case_status_change (case_id, from_status, to_status, reason, changed_at, changed_by)
         SELECT m.id, NULL, 'open', 'Presa in carico (banco di prova)', m.opened_at, $3::uuid FROM made m`,
        [from, to, ids.assistente, ids.assistente2, team.rows[0]?.team_id ?? null],
      );
    }
    await client.query(`VACUUM (ANALYZE) case_record, case_person, case_status_change`);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    return { cases: count, seconds: elapsed, rowsPerSecond: count / elapsed };
  } finally {
    await client.end();
  }
}
