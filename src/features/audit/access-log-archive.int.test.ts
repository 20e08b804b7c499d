import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrama } from '../../../test/support/cli-process.ts';
import { testEngine } from '../../../test/support/engine.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { login, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { archiveAccessLog } from './access-log-archive.ts';

/** Months relative to this month in Italy: the current one and 24 before it are kept, older ones archived. */
const ARCHIVED = [-30, -27, -25];
const KEPT = [-24, -1];

const partitionOf = async (t: TestApp, offset: number) =>
  (await sql<{ name: string }>`SELECT access_log_partition_name((date_trunc('month', trama_today()) + make_interval(months => ${offset}::int))::date) AS name`.execute(t.database.db)).rows[0]!.name;

const exists = async (t: TestApp, table: string) => (await sql<{ found: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS found`.execute(t.database.db)).rows[0]!.found;

describe('trama access-log archive', () => {
  let t: TestApp;
  let personId: string;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-access-log-'));
  /** The ids written in each month, by offset. */
  const written = new Map<number, number[]>();

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const person = await db.selectFrom('person').select(['id', 'municipality_code']).where('municipality_code', '=', '037019').orderBy('id').executeTakeFirstOrThrow();
    personId = person.id;
    const reader = await db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    // One archived month already has its partition (an installation running for years); the others' rows
    // wait in the DEFAULT partition, as when maintenance was missed.
    await sql`SELECT access_log_add_months(ARRAY[(date_trunc('month', trama_today()) - interval '27 months')::date])`.execute(db);
    for (const offset of [...ARCHIVED, ...KEPT]) {
      const { rows } = await sql<{ id: number }>`
        INSERT INTO access_log (at, user_id, role, person_id, municipality_code, record_type, record_id, action, purpose, request_id)
        SELECT (date_trunc('month', trama_today()) + make_interval(months => ${offset}::int))::timestamp AT TIME ZONE 'Europe/Rome' + make_interval(days => d * 9, hours => d),
          ${reader.id}::uuid, 'social_worker', ${person.id}::uuid, ${person.municipality_code}, 'person', ${person.id}, 'read', 'verifica «' || d || '»', 'archive-test-' || d
        FROM generate_series(0, 2) AS d RETURNING id::int`.execute(db);
      written.set(offset, rows.map((row) => row.id).sort((a, b) => a - b));
    }
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('refuses to keep fewer than 24 months, and drops nothing', async () => {
    const before = await exists(t, await partitionOf(t, -27));
    const refused = await archiveAccessLog(t.database.db, { keepMonths: 23, monthsAhead: 3, outDir: out }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('VALIDATION');
    expect((refused as AppError).bilingual.it).toContain('almeno 24 mesi');
    expect((refused as AppError).bilingual.en).toContain('at least 24 months');
    expect(before).toBe(true);
    expect(await exists(t, await partitionOf(t, -27))).toBe(true);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('on the command line too, before opening any database', () => {
    const dataDir = path.join(out, 'never-created');
    const refused = runTrama({ TRAMA_DATA_DIR: dataDir, DATABASE_URL: '' }, 'access-log', 'archive', '--keep-months', '12', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain('almeno 24 mesi');
    expect(refused.out).toContain('at least 24 months');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('exports each month older than the window with every row and a checksum that verifies, then drops only those months', async () => {
    const { archived } = await archiveAccessLog(t.database.db, { keepMonths: 24, monthsAhead: 3, outDir: out });
    const expected = await Promise.all(ARCHIVED.map((offset) => partitionOf(t, offset)));
    expect(archived.map((month) => month.partition)).toEqual(expected);
    for (const [i, offset] of ARCHIVED.entries()) {
      const month = archived[i]!;
      expect(await exists(t, month.partition)).toBe(false);
      // Every row of the month, read back from the file as an operator would (gunzip, one JSON object a line).
      const rows = gunzipSync(fs.readFileSync(month.file)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: number; purpose: string; person_id: string });
      expect(rows.map((row) => row.id)).toEqual(written.get(offset));
      expect(rows.map((row) => row.purpose)).toEqual(['verifica «0»', 'verifica «1»', 'verifica «2»']);
      expect(rows.every((row) => row.person_id === personId)).toBe(true);
      // The checksum in the manifest and in the sha256sum file is the file's.
      const sha256 = createHash('sha256').update(fs.readFileSync(month.file)).digest('hex');
      const manifest = JSON.parse(fs.readFileSync(path.join(out, `${month.partition}.manifest.json`), 'utf8')) as { rows: number; sha256: string };
      expect(manifest).toMatchObject({ rows: 3, sha256 });
      expect(fs.readFileSync(`${month.file}.sha256`, 'utf8')).toBe(`${sha256}  ${path.basename(month.file)}\n`);
    }
    for (const offset of KEPT) expect(await exists(t, await partitionOf(t, offset))).toBe(true);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM access_log_default`.execute(t.database.db)).rows[0]!.n).toBe(0);
  });

  it('"who read this person" still answers for the kept months, and the drop is in the administration log', async () => {
    const manager = await login(t.app, 'responsabile');
    const page = await manager.request('GET', `/api/persons/${personId}/access-log?pageSize=200`);
    expect(page.statusCode, page.body).toBe(200);
    const ids = new Set((JSON.parse(page.body) as { items: { id: string }[] }).items.map((item) => Number(item.id)));
    for (const offset of KEPT) for (const id of written.get(offset)!) expect(ids.has(id)).toBe(true);
    for (const offset of ARCHIVED) for (const id of written.get(offset)!) expect(ids.has(id)).toBe(false);
    const admin = await t.database.db.selectFrom('admin_log').select(['actor_id', 'entity_id', 'action']).where('entity_type', '=', 'access_log_month').orderBy('id').execute();
    expect(admin).toEqual(await Promise.all(ARCHIVED.map(async (offset) => ({ actor_id: null, entity_id: await partitionOf(t, offset), action: 'archive' }))));
  });

  it('a second run finds nothing more to archive', async () => {
    expect((await archiveAccessLog(t.database.db, { keepMonths: 24, monthsAhead: 3, outDir: out })).archived).toEqual([]);
  });
});

describe.runIf(testEngine === 'postgres')('trama access-log archive while the log is being read', () => {
  it('gives up whole after the lock timeout: BUSY, the month still there, nothing recorded as dropped', async () => {
    const database = await openTestDatabase({ lockTimeoutMs: 200 });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-access-log-busy-'));
    try {
      const db = database.db;
      await sql`SELECT access_log_add_months(ARRAY[(date_trunc('month', trama_today()) - interval '30 months')::date])`.execute(db);
      const partition = (await sql<{ name: string }>`SELECT access_log_partition_name((date_trunc('month', trama_today()) - interval '30 months')::date) AS name`.execute(db)).rows[0]!.name;
      const refused = await db.connection().execute(async (reader) => {
        // A long audit query holds its lock on access_log until its transaction ends.
        await sql`BEGIN`.execute(reader);
        await sql`SELECT count(*) FROM access_log`.execute(reader);
        try {
          return await archiveAccessLog(db, { keepMonths: 24, monthsAhead: 3, outDir: out }).catch((error: unknown) => error);
        } finally {
          await sql`ROLLBACK`.execute(reader);
        }
      });
      expect((refused as AppError).code).toBe('BUSY');
      expect((refused as AppError).bilingual.en).toContain(partition);
      expect((await sql<{ found: boolean }>`SELECT to_regclass(${partition}) IS NOT NULL AS found`.execute(db)).rows[0]!.found).toBe(true);
      expect(await db.selectFrom('admin_log').select('id').where('entity_type', '=', 'access_log_month').execute()).toEqual([]);
    } finally {
      await database.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
