import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** What was written, or read back: rows, the sum of their ids and the sha256 of the uncompressed lines. */
export interface ExportDigest {
  rows: number;
  idSum: string;
  contentSha256: string;
}

const BATCH = 10_000;

/**
 * Writes every row of one access-log partition to `file` as gzip'd JSON lines, one row per line as
 * PostgreSQL's to_jsonb gives it (every column, present and future, instants with their offset), in id
 * order. Reads in id batches off the partition's primary key, so memory stays flat at any size.
 */
export async function exportPartition(trx: Db, partition: string, file: string): Promise<ExportDigest> {
  const content = createHash('sha256');
  let rows = 0;
  let idSum = 0n;
  async function* lines() {
    let after = '0';
    for (;;) {
      const batch = await sql<{ id: string; line: string }>`
        SELECT l.id::text AS id, to_jsonb(l)::text AS line FROM ${sql.table(partition)} l WHERE l.id > ${after}::bigint ORDER BY l.id LIMIT ${BATCH}`.execute(trx);
      if (batch.rows.length === 0) return;
      let chunk = '';
      for (const row of batch.rows) {
        chunk += `${row.line}\n`;
        idSum += BigInt(row.id);
      }
      rows += batch.rows.length;
      content.update(chunk);
      after = batch.rows[batch.rows.length - 1]!.id;
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(file));
  return { rows, idSum: idSum.toString(), contentSha256: content.digest('hex') };
}

/** Reads an export back from the disk: the file's own sha256, and the digest of what it holds. */
export async function readExport(file: string): Promise<ExportDigest & { fileSha256: string }> {
  const fileHash = createHash('sha256');
  const content = createHash('sha256');
  let rows = 0;
  let idSum = 0n;
  const raw = fs.createReadStream(file);
  raw.on('data', (chunk) => fileHash.update(chunk));
  const text = createInterface({ input: raw.pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of text) {
    content.update(`${line}\n`);
    const { id } = JSON.parse(line) as { id: number | string };
    idSum += BigInt(id);
    rows++;
  }
  return { rows, idSum: idSum.toString(), contentSha256: content.digest('hex'), fileSha256: fileHash.digest('hex') };
}
