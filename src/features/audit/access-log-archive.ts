import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { clock } from '../../platform/time/clock.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import { exportPartition, readExport } from './access-log-export.ts';

/** The floor: the access log of the last 24 months is always kept. */
export const MIN_KEEP_MONTHS = 24;
/** access_log_prepare_partitions accepts 0 to 24 months ahead. */
export const MAX_MONTHS_AHEAD = 24;

export interface ArchivedMonth {
  partition: string;
  /** YYYY-MM, the month in Italy. */
  month: string;
  rows: number;
  file: string;
  sha256: string;
}

export function checkKeepMonths(keepMonths: number): void {
  if (!Number.isInteger(keepMonths) || keepMonths < MIN_KEEP_MONTHS) {
    throw new AppError('VALIDATION', {
      message: {
        it: `Il registro degli accessi si conserva per almeno ${String(MIN_KEEP_MONTHS)} mesi: --keep-months (o TRAMA_ACCESS_LOG_KEEP_MONTHS) vale ${String(keepMonths)}. Nulla è stato archiviato.`,
        en: `The access log is kept for at least ${String(MIN_KEEP_MONTHS)} months: --keep-months (or TRAMA_ACCESS_LOG_KEEP_MONTHS) is ${String(keepMonths)}. Nothing was archived.`,
      },
    });
  }
}

export function checkMonthsAhead(monthsAhead: number): void {
  if (!Number.isInteger(monthsAhead) || monthsAhead < 0 || monthsAhead > MAX_MONTHS_AHEAD) {
    throw new AppError('VALIDATION', {
      message: {
        it: `--months-ahead (o TRAMA_ACCESS_LOG_MONTHS_AHEAD) va da 0 a ${String(MAX_MONTHS_AHEAD)}, non ${String(monthsAhead)}.`,
        en: `--months-ahead (or TRAMA_ACCESS_LOG_MONTHS_AHEAD) goes from 0 to ${String(MAX_MONTHS_AHEAD)}, not ${String(monthsAhead)}.`,
      },
    });
  }
}

/**
 * The partitions of this month and `monthsAhead` more; rows waiting in the DEFAULT partition move to their
 * months. Returns the partitions created. Needs the owner, or the SECURITY DEFINER function's EXECUTE.
 */
export async function prepareAccessLogPartitions(db: Db, monthsAhead: number): Promise<number> {
  checkMonthsAhead(monthsAhead);
  return (await sql<{ n: number }>`SELECT access_log_prepare_partitions(${monthsAhead}::int) AS n`.execute(db)).rows[0]!.n;
}

/** The month partitions wholly older than the kept window (the current month and `keepMonths` before it), oldest first. */
async function monthsToArchive(db: Db, keepMonths: number): Promise<{ partition: string; month: string }[]> {
  const { rows } = await sql<{ partition: string; month: string }>`
    SELECT c.relname AS partition, to_char(to_date(substr(c.relname, 12), 'YYYY_MM'), 'YYYY-MM') AS month
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'access_log'::regclass AND c.relname ~ '^access_log_[0-9]{4}_[0-9]{2}$'
      AND to_date(substr(c.relname, 12), 'YYYY_MM') < date_trunc('month', trama_today()) - make_interval(months => ${keepMonths}::int)
    ORDER BY c.relname`.execute(db);
  return rows;
}

const exportFailed = (partition: string, what: string) =>
  new AppError('CONFLICT', {
    message: {
      it: `L'esportazione di ${partition} non corrisponde alla tabella (${what}): la partizione non è stata eliminata.`,
      en: `The export of ${partition} does not match the table (${what}): the partition was not dropped.`,
    },
  });

/**
 * One month: rows exported and read back from the disk (count, id sum and content checksum must match the
 * table), manifest and sha256 file written, then the partition detached and dropped and the drop recorded
 * in the administration log (actor: the command line), all in one transaction. The SHARE lock keeps any
 * row from arriving in the month meanwhile; readers are not blocked.
 */
async function archiveMonth(db: Db, outDir: string, partition: string, month: string): Promise<ArchivedMonth> {
  const name = `${partition}.jsonl.gz`;
  const file = path.join(outDir, name);
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL statement_timeout = 0`.execute(trx);
    await sql`LOCK TABLE ${sql.table(partition)} IN SHARE MODE`.execute(trx);
    const table = (await sql<{ rows: number; id_sum: string; from: string; to: string }>`
      SELECT count(*)::int AS rows, coalesce(sum(id), 0)::text AS id_sum,
        (${month + '-01'}::date)::timestamp AT TIME ZONE 'Europe/Rome' AS from,
        (${month + '-01'}::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Rome' AS to
      FROM ${sql.table(partition)}`.execute(trx)).rows[0]!;
    const partial = `${file}.partial`;
    const written = await exportPartition(trx, partition, partial);
    const read = await readExport(partial);
    if (written.rows !== table.rows || read.rows !== table.rows) throw exportFailed(partition, `${String(table.rows)} / ${String(written.rows)} / ${String(read.rows)}`);
    if (written.idSum !== table.id_sum || read.idSum !== table.id_sum) throw exportFailed(partition, 'id');
    if (read.contentSha256 !== written.contentSha256) throw exportFailed(partition, 'sha256');
    fs.renameSync(partial, file);
    const manifest = {
      table: 'access_log',
      partition,
      month,
      from: table.from,
      to: table.to,
      rows: table.rows,
      idSum: table.id_sum,
      file: name,
      format: 'gzip, JSON lines (to_jsonb of each row), id order',
      sha256: read.fileSha256,
      contentSha256: read.contentSha256,
      exportedAt: clock.now().toISOString(),
    };
    fs.writeFileSync(path.join(outDir, `${partition}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
    // The format of sha256sum: `sha256sum -c access_log_YYYY_MM.jsonl.gz.sha256` checks the file later.
    fs.writeFileSync(`${file}.sha256`, `${read.fileSha256}  ${name}\n`);
    await sql`ALTER TABLE access_log DETACH PARTITION ${sql.table(partition)}`.execute(trx);
    await sql`DROP TABLE ${sql.table(partition)}`.execute(trx);
    await recordAdminChange(trx, null, {
      entityType: 'access_log_month',
      entityId: partition,
      action: 'archive',
      before: { month, from: table.from, to: table.to, rows: table.rows },
      after: { file: name, sha256: read.fileSha256, rows: table.rows },
      municipalityCodes: null,
    });
    return { partition, month, rows: table.rows, file, sha256: read.fileSha256 };
  });
}

/**
 * `trama access-log archive`: partitions prepared (rows left in DEFAULT go to their months first), then each
 * whole month older than the kept window exported to `outDir`, verified and dropped, oldest first. Stops at
 * the first failure; the months done stay done.
 */
export async function archiveAccessLog(db: Db, options: { keepMonths: number; monthsAhead: number; outDir: string }): Promise<{ prepared: number; archived: ArchivedMonth[] }> {
  checkKeepMonths(options.keepMonths);
  const prepared = await prepareAccessLogPartitions(db, options.monthsAhead);
  fs.mkdirSync(options.outDir, { recursive: true });
  const archived: ArchivedMonth[] = [];
  for (const { partition, month } of await monthsToArchive(db, options.keepMonths)) {
    archived.push(
      await archiveMonth(db, options.outDir, partition, month).catch((error: unknown) => {
        // Detaching waits for the queries reading access_log; past TRAMA_DB_LOCK_TIMEOUT_MS it gives up whole.
        if ((error as { code?: string }).code !== '55P03') throw error;
        throw new AppError('BUSY', {
          message: {
            it: `Il registro degli accessi è in uso da troppo (${partition} non è stata staccata): nulla è stato eliminato per ${month}; riprovare più tardi.`,
            en: `The access log stayed in use too long (${partition} could not be detached): nothing was dropped for ${month}; run again later.`,
          },
        });
      }),
    );
  }
  return { prepared, archived };
}
