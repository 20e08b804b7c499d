import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { touchCaseActivity, withCaseContent, type CaseTerritory } from '../cases/case-access.ts';
import { holdsRoleCovering } from '../users/grant-coverage.ts';
import type { CorrectDiaryEntryBody, CreateDiaryEntryBody, DiaryEntry, DiaryHistory, DiaryListQuery, DiaryPage } from './case-diary.schemas.ts';
import { diaryRights, newestFirst, selectEntries, toEntry } from './diary-entries.ts';
import './case-diary.tables.ts';
import { clock } from '../../platform/time/clock.ts';

const RECORD_TYPE = 'case_diary';
/** A device clock a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
const ZONE = 'Europe/Rome';

const entryNotFound = () => notFound({ it: 'Voce di diario non trovata in questo caso.', en: 'Diary entry not found in this case.' });

type Fields = Omit<CreateDiaryEntryBody, 'internalParticipantIds'> & { internalParticipantIds: string[] };

/** The rules beyond the shape; returns the internal participants (the author first, no repeats). */
async function checkFields(trx: Db, actor: Actor, record: CaseTerritory, fields: Fields): Promise<string[]> {
  if (Date.parse(fields.occurredAt) > clock.nowMs() + CLOCK_SKEW_MS) {
    throw invalid('occurredAt', { it: 'La data e l’ora non possono essere nel futuro.', en: 'The date and time cannot be in the future.' });
  }
  if (!fields.text.trim()) throw invalid('text', { it: 'Scrivere il testo della voce di diario.', en: 'Write the text of the diary entry.' });
  const others = [...new Set(fields.internalParticipantIds)].filter((id) => id !== actor.userId);
  if (others.length) {
    const found = await trx
      .selectFrom('app_user as u')
      .select('u.id')
      .where('u.id', 'in', others)
      .where('u.is_active', '=', true)
      .where((eb) => eb.or([holdsRoleCovering('social_worker', record.municipality_code, record.area_id), holdsRoleCovering('service_manager', record.municipality_code, record.area_id)]))
      .execute();
    if (found.length !== others.length) {
      throw invalid('internalParticipantIds', {
        it: 'Tra i partecipanti interni indicare solo operatori del servizio sociale del territorio del caso.',
        en: 'Internal participants must be social service staff of the case’s territory.',
      });
    }
  }
  return [actor.userId, ...others];
}

/** Writes the version row and the time of each internal participant for the entry's current version. */
async function saveVersion(trx: Db, actor: Actor, record: CaseTerritory, entryId: string, version: number, fields: Fields, workers: string[], reason: string | null) {
  await trx
    .insertInto('case_diary_entry_version')
    .values({
      entry_id: entryId,
      version,
      kind: fields.kind,
      occurred_at: fields.occurredAt,
      minutes: fields.minutes,
      body: fields.text,
      internal_participant_ids: JSON.stringify(workers),
      external_participants: JSON.stringify(fields.externalParticipants),
      correction_reason: reason,
      saved_by: actor.userId,
    })
    .execute();
  await trx.deleteFrom('case_diary_time').where('entry_id', '=', entryId).execute();
  await trx
    .insertInto('case_diary_time')
    .values(
      workers.map((userId) => ({
        entry_id: entryId,
        user_id: userId,
        worked_on: sql<string>`(${fields.occurredAt}::timestamptz AT TIME ZONE ${ZONE})::date`,
        minutes: fields.minutes,
        municipality_code: record.municipality_code,
      })),
    )
    .execute();
  await touchCaseActivity(trx, record.id);
}

async function readEntry(trx: Db, actor: Actor, record: CaseTerritory, entryId: string): Promise<DiaryEntry> {
  const row = await selectEntries(trx).where('e.id', '=', entryId).where('e.case_id', '=', record.id).executeTakeFirst();
  if (!row) throw entryNotFound();
  return toEntry(row, diaryRights(actor, record));
}

/** A page of the current entries, newest first, optionally of one kind. */
export function listDiary(db: Db, actor: Actor, caseId: string, query: DiaryListQuery): Promise<DiaryPage> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, async (trx, record) => {
    let base = trx.selectFrom('case_diary_entry as e').where('e.case_id', '=', caseId);
    if (query.kind) base = base.where('e.kind', '=', query.kind);
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    let rows = newestFirst(selectEntries(trx).where('e.case_id', '=', caseId));
    if (query.kind) rows = rows.where('e.kind', '=', query.kind);
    const found = await rows.limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
    const rights = diaryRights(actor, record);
    return { entries: found.map((row) => toEntry(row, rights)), total, page: query.page, pageSize: query.pageSize };
  });
}

export function addDiaryEntry(db: Db, actor: Actor, caseId: string, body: CreateDiaryEntryBody): Promise<DiaryEntry> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: RECORD_TYPE }, async (trx, record) => {
    const workers = await checkFields(trx, actor, record, body);
    const created = await trx
      .insertInto('case_diary_entry')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        kind: body.kind,
        occurred_at: body.occurredAt,
        minutes: body.minutes,
        body: body.text,
        external_participants: JSON.stringify(body.externalParticipants),
        author_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveVersion(trx, actor, record, created.id, 1, body, workers, null);
    return readEntry(trx, actor, record, created.id);
  });
}

/** Raised inside the write's transaction so that it rolls back and logs nothing; answered by a logged read. */
class StaleVersion extends Error {}

/**
 * A correction: a new version with its reason, the previous ones kept. Its author, the case owner or the
 * territory's manager may correct; a stale version gets 412 with the current entry (read and logged).
 */
export async function correctDiaryEntry(db: Db, actor: Actor, caseId: string, entryId: string, body: CorrectDiaryEntryBody): Promise<DiaryEntry> {
  try {
    return await withCaseContent(db, actor, caseId, { action: 'update', recordType: RECORD_TYPE }, async (trx, record) => {
      const current = await trx.selectFrom('case_diary_entry').select(['id', 'version', 'author_id']).where('id', '=', entryId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
      if (!current) throw entryNotFound();
      if (!diaryRights(actor, record).corrects(current.author_id)) {
        throw new AppError('FORBIDDEN', {
          message: { it: 'Può correggere la voce solo chi l’ha scritta, il responsabile del caso o del servizio.', en: 'Only its author, the case owner or the service manager can correct the entry.' },
        });
      }
      if (current.version !== body.version) throw new StaleVersion();
      const workers = await checkFields(trx, actor, record, body);
      const version = current.version + 1;
      await trx
        .updateTable('case_diary_entry')
        .set({
          kind: body.kind,
          occurred_at: body.occurredAt,
          minutes: body.minutes,
          body: body.text,
          external_participants: JSON.stringify(body.externalParticipants),
          version,
          corrected_at: sql<string>`trama_now()`,
          corrected_by: actor.userId,
        })
        .where('id', '=', entryId)
        .execute();
      await saveVersion(trx, actor, record, entryId, version, body, workers, body.reason);
      return readEntry(trx, actor, record, entryId);
    });
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const current = await withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, (trx, record) => readEntry(trx, actor, record, entryId));
    throw new AppError('VERSION_CONFLICT', { data: { current } });
  }
}

/** Every version of an entry, newest first: for the case owner and the territory's service manager only. */
export function diaryEntryHistory(db: Db, actor: Actor, caseId: string, entryId: string): Promise<DiaryHistory> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, async (trx, record) => {
    if (!diaryRights(actor, record).seesHistory) {
      throw new AppError('FORBIDDEN', {
        message: { it: 'Le versioni precedenti sono visibili solo al responsabile del caso e al responsabile del servizio.', en: 'Previous versions are shown only to the case owner and the service manager.' },
      });
    }
    const entry = await readEntry(trx, actor, record, entryId);
    const versions = await trx
      .selectFrom('case_diary_entry_version as v')
      .innerJoin('app_user as s', 's.id', 'v.saved_by')
      .select(['v.version', 'v.kind', 'v.occurred_at', 'v.minutes', 'v.body', 'v.internal_participant_ids', 'v.external_participants', 'v.correction_reason', 'v.saved_at', 'v.saved_by', 's.display_name'])
      .where('v.entry_id', '=', entryId)
      .orderBy('v.version', 'desc')
      .execute();
    const ids = [...new Set(versions.flatMap((v) => v.internal_participant_ids))];
    const users = ids.length ? await trx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute() : [];
    const nameOf = new Map(users.map((u) => [u.id, u.display_name]));
    return {
      entry,
      versions: versions.map((v) => ({
        version: v.version,
        kind: v.kind,
        occurredAt: v.occurred_at,
        minutes: v.minutes,
        text: v.body,
        internalParticipants: v.internal_participant_ids.map((id) => ({ id, displayName: nameOf.get(id) ?? '' })),
        externalParticipants: v.external_participants,
        correctionReason: v.correction_reason,
        savedAt: v.saved_at,
        savedBy: { id: v.saved_by, displayName: v.display_name },
      })),
    };
  });
}
