import cliProgress from 'cli-progress';
import pg from 'pg';

/** Rows per INSERT … SELECT FROM generate_series: big enough to be cheap, small enough to show progress. */
const CHUNK = 250_000;
/** Accesses spread over this many days before today. */
const SPAN_DAYS = 3 * 365;

export interface AccessSeedResult {
  accesses: number;
  referrals: number;
  interviewed: number;
  seconds: number;
  rowsPerSecond: number;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * Fills the bench database with `count` access records of the demo Union over the last three years
 * (every fifth a referral, whose intake item has its first interview held 0–63 days later in 85% of
 * cases), each linked to a person, the way the front desk records them. Plain SQL: the point is the
 * data's size and shape for the reports, not the write path (measured separately over HTTP).
 */
export async function seedAccesses(url: string, count: number): Promise<AccessSeedResult> {
  const started = process.hrtime.bigint();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    // Bulk load of rows valid by construction: skip the per-row foreign-key triggers (as pg_restore does).
    await client.query(`SET session_replication_role = replica`);
    const desk = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'sportello'`);
    const worker = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'assistente'`);
    const manager = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'responsabile'`);
    const [deskId, workerId, managerId] = [desk.rows[0]?.id, worker.rows[0]?.id, manager.rows[0]?.id];
    if (!deskId || !workerId || !managerId) throw new Error('the demo users are missing: seed the demo first');
    await client.query(`CREATE TEMP TABLE bench_codes AS
      SELECT (SELECT array_agg(gm.municipality_code ORDER BY gm.municipality_code) FROM territory_group g
                JOIN territory_group_member gm ON gm.group_id = g.id WHERE g.kind = 'union' AND g.name = 'Unione Reno Galliera') AS municipalities,
             (SELECT array_agg(code ORDER BY sort_order) FROM need_area) AS areas`);
    await client.query(`CREATE TEMP TABLE bench_person AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM person`);
    await client.query(`CREATE UNIQUE INDEX ON bench_person (n)`);

    const bar = new cliProgress.SingleBar(
      { format: 'accesses {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(count, 0);
    for (let from = 0; from < count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK) - 1;
      await client.query(
        `WITH made AS (
           INSERT INTO access_record (municipality_code, occurred_at, channel, need_area_code, request, anonymous_description,
                                      outcome, referral_urgency, recorded_by, updated_by, created_at, updated_at)
           SELECT c.municipalities[1 + g % array_length(c.municipalities, 1)],
                  date_trunc('minute', trama_now()) - ((g::bigint * 7919) % ($3::bigint * 1440)) * interval '1 minute',
                  (ARRAY['in_person', 'phone', 'email', 'online', 'home_visit'])[1 + (g * 31) % 5],
                  c.areas[1 + (g * 17) % array_length(c.areas, 1)],
                  'Richiesta registrata dal banco di prova',
                  CASE WHEN g % 33 = 0 THEN 'Persona non ancora registrata' END,
                  CASE g % 5 WHEN 0 THEN 'referral' WHEN 1 THEN 'application_help' WHEN 2 THEN 'desk_procedure' ELSE 'information' END,
                  CASE WHEN g % 5 = 0 THEN (ARRAY['ordinary', 'priority', 'urgent'])[1 + (g / 5) % 3] END,
                  $4::uuid, $4::uuid, trama_now(), trama_now()
           FROM generate_series($1::int, $2::int) AS g, bench_codes AS c
           RETURNING id, municipality_code, occurred_at, outcome, referral_urgency, anonymous_description
         ), linked AS (
           INSERT INTO access_person (access_id, person_id, involvement, municipality_code, linked_by)
           SELECT m.id, p.id, 'beneficiary', m.municipality_code, $4::uuid
           FROM made AS m JOIN bench_person AS p ON p.n = 1 + abs(hashtext(m.id::text)) % (SELECT count(*) FROM bench_person)
           WHERE m.anonymous_description IS NULL
         ), referred AS (
           SELECT m.*, (abs(hashtext(m.id::text)) % 100) AS luck FROM made AS m WHERE m.outcome = 'referral'
         )
         INSERT INTO intake_item (access_id, municipality_code, urgency, referred_at, status, assigned_to, assigned_by, assigned_at, first_interview_at)
         SELECT r.id, r.municipality_code, r.referral_urgency, r.occurred_at,
                CASE WHEN i.at IS NULL THEN 'waiting' ELSE 'assigned' END,
                CASE WHEN i.at IS NOT NULL THEN $5::uuid END, CASE WHEN i.at IS NOT NULL THEN $6::uuid END,
                CASE WHEN i.at IS NOT NULL THEN r.occurred_at END, i.at
         FROM referred AS r
         CROSS JOIN LATERAL (SELECT CASE WHEN r.luck < 85 AND r.occurred_at + (r.luck % 64) * interval '1 day' < trama_now()
                                         THEN r.occurred_at + (r.luck % 64) * interval '1 day' END AS at) AS i`,
        [from, to, SPAN_DAYS, deskId, workerId, managerId],
      );
      bar.update(to + 1);
    }
    bar.stop();
    await client.query(`VACUUM (ANALYZE) access_record, access_person, intake_item`);
    const counts = await client.query<{ referrals: string; interviewed: string }>(
      `SELECT count(*) AS referrals, count(first_interview_at) AS interviewed FROM intake_item`,
    );
    const elapsed = seconds(started);
    return {
      accesses: count,
      referrals: Number(counts.rows[0]?.referrals ?? 0),
      interviewed: Number(counts.rows[0]?.interviewed ?? 0),
      seconds: elapsed,
      rowsPerSecond: count / elapsed,
    };
  } finally {
    await client.end();
  }
}
