import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { managesCase, type CaseTerritory } from '../cases/case-access.ts';
import { RECENT_DIARY_SIZE } from './case-diary.codes.ts';
import type { DiaryEntry } from './case-diary.schemas.ts';
import './case-diary.tables.ts';
import '../../platform/auth/auth.tables.ts';

type CaseRef = Pick<CaseTerritory, 'owner_id' | 'municipality_code' | 'area_id'>;

/**
 * Who may do what on the diary of a case the actor already reads in full: the case owner and the
 * territory's service manager correct any entry and read the previous versions; the author corrects
 * its own entries (it cannot read their history unless it is also owner or manager); other members of
 * the team read the current entries only.
 */
export function diaryRights(actor: Actor, record: CaseRef) {
  const seesHistory = record.owner_id === actor.userId || managesCase(actor, record);
  return { seesHistory, corrects: (authorId: string) => seesHistory || authorId === actor.userId };
}

/** The current entries with their author, last corrector and internal participants, in one query. */
export function selectEntries(trx: Db) {
  return trx
    .selectFrom('case_diary_entry as e')
    .innerJoin('app_user as a', 'a.id', 'e.author_id')
    .leftJoin('app_user as cb', 'cb.id', 'e.corrected_by')
    .select([
      'e.id',
      'e.case_id',
      'e.kind',
      'e.occurred_at',
      'e.minutes',
      'e.body',
      'e.external_participants',
      'e.version',
      'e.author_id',
      'e.created_at',
      'e.corrected_at',
      'e.corrected_by',
      'a.display_name as author_name',
      'cb.display_name as corrected_by_name',
      sql<{ id: string; displayName: string }[]>`(SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name), '[]'::json)
        FROM case_diary_time dt JOIN app_user u ON u.id = dt.user_id WHERE dt.entry_id = e.id)`.as('internal_participants'),
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirstOrThrow']>>;

export function toEntry(row: EntryRow, rights: ReturnType<typeof diaryRights>): DiaryEntry {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    minutes: row.minutes,
    text: row.body,
    internalParticipants: row.internal_participants,
    externalParticipants: row.external_participants,
    author: { id: row.author_id, displayName: row.author_name },
    createdAt: row.created_at,
    version: row.version,
    correctedAt: row.corrected_at,
    correctedBy: row.corrected_by ? { id: row.corrected_by, displayName: row.corrected_by_name ?? '' } : null,
    canCorrect: rights.corrects(row.author_id),
    canSeeHistory: rights.seesHistory,
  };
}

/** Newest first: by when the activity happened, then by id for a stable order. */
export function newestFirst<T extends ReturnType<typeof selectEntries>>(query: T): T {
  return query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc') as T;
}

/**
 * The last current entries of a case for the case page, in one indexed query (case_diary_entry_case_idx).
 * The caller has checked full access and logs the case read; this adds no query per entry.
 */
export async function recentDiary(trx: Db, actor: Actor, record: CaseRef & { id: string }): Promise<DiaryEntry[]> {
  const rows = await newestFirst(selectEntries(trx).where('e.case_id', '=', record.id)).limit(RECENT_DIARY_SIZE).execute();
  const rights = diaryRights(actor, record);
  return rows.map((row) => toEntry(row, rights));
}
