import pg from 'pg';

/** Cases per INSERT … SELECT FROM generate_series. */
const CHUNK = 50_000;

export interface CaseSeedResult {
  cases: number;
  diaryEntries: number;
  procedures: number;
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
 * Each case gets `diaryPerCase` diary entries (with their first version and the author's minutes) over
 * its life, and every fifth open case an administrative procedure started in the last 200 days.
 */
export async function seedCases(url: string, count: number, diaryPerCase = 3): Promise<CaseSeedResult> {
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
                  trama_today() + ((g * 7) % 365 - 60),
                  trama_now() - ((g * 13) % 365) * interval '1 day',
                  trama_now() - (400 + g % 700) * interval '1 day', $3::uuid,
                  CASE WHEN s.status = 'closed' THEN trama_now() - (g % 300) * interval '1 day' END,
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
    const diaryEntries = await seedDiary(client, diaryPerCase);
    const procedures = await seedProcedures(client);
    await client.query(`VACUUM (ANALYZE) case_record, case_person, case_status_change, case_diary_entry, case_diary_entry_version, case_diary_time, case_procedure`);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    return { cases: count, diaryEntries, procedures, seconds: elapsed, rowsPerSecond: count / elapsed };
  } finally {
    await client.end();
  }
}

const DIARY_TEXT =
  'Colloquio con la persona e con la figlia: la situazione a casa resta faticosa, concordiamo di sentire il medico di base e di ' +
  'riprendere il punto alla prossima visita. La persona è collaborativa e chiede informazioni sul servizio di assistenza domiciliare.';

/** `perCase` diary entries on every seeded case, with their first version and the author's minutes. */
async function seedDiary(client: pg.Client, perCase: number): Promise<number> {
  let entries = 0;
  // One statement per round of entries: a few hundred thousand rows at a time.
  for (let round = 1; round <= perCase; round++) entries += await seedDiaryRound(client, round);
  return entries;
}

async function seedDiaryRound(client: pg.Client, k: number): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `WITH made AS (
       INSERT INTO case_diary_entry (case_id, municipality_code, kind, occurred_at, minutes, body, author_id, created_at)
       SELECT c.id, c.municipality_code,
              (ARRAY['interview','home_visit','phone_call','network_meeting','service_meeting','correspondence','other'])[1 + (r.k + abs(hashtext(c.id::text))) % 7],
              c.opened_at + (r.k * 37 + abs(hashtext(c.id::text)) % 30) * interval '1 day', 15 + (r.k * 15) % 90, $1, c.owner_id, c.opened_at
       FROM case_record c CROSS JOIN (SELECT $2::int AS k) AS r
       RETURNING id, municipality_code, kind, occurred_at, minutes, body, author_id
     ), versions AS (
       INSERT INTO case_diary_entry_version (entry_id, version, kind, occurred_at, minutes, body, internal_participant_ids, external_participants, saved_at, saved_by)
       SELECT id, 1, kind, occurred_at, minutes, body, jsonb_build_array(author_id), '[]', occurred_at, author_id FROM made
     ), times AS (
       INSERT INTO case_diary_time (entry_id, user_id, worked_on, minutes, municipality_code)
       SELECT id, author_id, (occurred_at AT TIME ZONE 'Europe/Rome')::date, minutes, municipality_code FROM made
     )
     SELECT count(*) AS n FROM made`,
    [DIARY_TEXT, k],
  );
  return Number(rows[0]?.n ?? 0);
}

/** An administrative procedure on every fifth open case, started in the last 200 days, 30 legal days. */
async function seedProcedures(client: pg.Client): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO case_procedure (case_id, municipality_code, procedure_type_id, subject, started_on, legal_days, due_on, created_by, updated_by)
     SELECT c.id, c.municipality_code, (SELECT id FROM procedure_type ORDER BY name LIMIT 1), 'Domanda di assistenza domiciliare',
            trama_today() - d, 30, trama_today() - d + 30, c.owner_id, c.owner_id
     FROM (SELECT id, municipality_code, owner_id, abs(hashtext(id::text)) % 200 AS d FROM case_record
           WHERE status <> 'closed' AND abs(hashtext(id::text)) % 5 = 0) c`,
  );
  return rowCount ?? 0;
}
