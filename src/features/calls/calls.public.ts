import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { clock } from '../../platform/time/clock.ts';
import type { CallPhase } from './calls.codes.ts';
import { callQuery, datesOf, municipalitiesOf, phaseOf, readabilityOf, type CallRow } from './calls.read.ts';
import type { PublicCall, PublicCallSummary } from './calls.schemas.ts';

/**
 * The calls anyone may read, with no login: published (or closed) ones, only their public fields — no
 * author, no internal state beyond the version in force and its corrections' public reasons. Open,
 * upcoming or closed is decided on the server's clock.
 */
function publishedCalls(db: Db) {
  return callQuery(db).where('c.status', '!=', 'draft').where('v.published_at', 'is not', null);
}

function toPublicSummary(row: CallRow, now: Date): PublicCallSummary {
  return {
    id: row.id,
    serviceName: row.service_name,
    title: { it: row.title_it, en: row.title_en },
    territoryName: row.territory_name,
    phase: phaseOf(row.status, row.opens_at, row.closes_at, now) ?? 'closed',
    versionNumber: row.current_version_number,
    ...datesOf(row.opens_at, row.closes_at),
  };
}

export async function listPublicCalls(db: Db, query: { phase?: CallPhase | undefined }): Promise<PublicCallSummary[]> {
  const now = clock.now();
  const at = now.toISOString();
  let select = publishedCalls(db);
  if (query.phase === 'upcoming') select = select.where('c.status', '=', 'published').where(sql<boolean>`v.opens_at > ${at}::timestamptz`);
  if (query.phase === 'open') select = select.where('c.status', '=', 'published').where(sql<boolean>`v.opens_at <= ${at}::timestamptz AND v.closes_at > ${at}::timestamptz`);
  if (query.phase === 'closed') select = select.where(sql<boolean>`(c.status = 'closed' OR v.closes_at <= ${at}::timestamptz)`);
  const rows = await select.orderBy('v.closes_at', 'desc').orderBy('c.id').limit(500).execute();
  return rows.map((row) => toPublicSummary(row, now));
}

export async function readPublicCall(db: Db, id: string): Promise<PublicCall> {
  const row = await publishedCalls(db).where('c.id', '=', id).executeTakeFirst();
  if (!row?.published_at) throw notFound({ it: 'Bando non trovato.', en: 'Call not found.' });
  const [municipalities, corrections] = await Promise.all([
    municipalitiesOf(db, id),
    db
      .selectFrom('call_version')
      .select(['version_number', 'published_at', 'correction_reason'])
      .where('call_id', '=', id)
      .where('version_number', '>', 1)
      .where('published_at', 'is not', null)
      .orderBy('version_number')
      .execute(),
  ]);
  return {
    ...toPublicSummary(row, clock.now()),
    description: { it: row.description_it, en: row.description_en },
    descriptionReadability: readabilityOf(row.description_it),
    municipalities,
    rules: row.rules,
    publishedAt: row.published_at,
    corrections: corrections.map((c) => ({ versionNumber: c.version_number, publishedAt: c.published_at ?? '', reason: c.correction_reason ?? '' })),
  };
}
