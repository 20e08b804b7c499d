import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import './assessments.tables.ts';
import type { Meeting, MeetingContent, MeetingInput, MeetingSummary, MeetingUpdate } from './meetings.schemas.ts';

export const MEETING_RECORD_TYPE = 'case_meeting';

function selectMeetings(trx: Db) {
  return trx
    .selectFrom('case_meeting as m')
    .innerJoin('app_user as cu', 'cu.id', 'm.created_by')
    .innerJoin('app_user as uu', 'uu.id', 'm.updated_by')
    .leftJoin('case_assessment as a', 'a.id', 'm.assessment_id')
    .selectAll('m')
    .select(['cu.display_name as created_name', 'uu.display_name as updated_name', 'a.number as assessment_number']);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirst']>>>;

const contentOf = (row: Row): MeetingContent => ({
  heldAt: new Date(row.held_at).toISOString(),
  place: row.place,
  question: row.question,
  decisions: row.decisions,
  participants: row.participants,
  followUps: row.follow_ups,
  assessmentId: row.assessment_id,
});

export async function readMeeting(trx: Db, caseId: string, id: string): Promise<Meeting> {
  const row = await selectMeetings(trx).where('m.case_id', '=', caseId).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ it: 'Incontro non trovato nel caso.', en: 'Meeting not found in the case.' });
  const revisions = await trx
    .selectFrom('case_meeting_revision as r')
    .innerJoin('app_user as u', 'u.id', 'r.saved_by')
    .select(['r.version', 'r.saved_at', 'r.saved_by', 'r.content', 'u.display_name'])
    .where('r.meeting_id', '=', id)
    .orderBy('r.version', 'desc')
    .execute();
  return {
    ...contentOf(row),
    id: row.id,
    caseId: row.case_id,
    assessmentNumber: row.assessment_number ?? null,
    version: row.version,
    createdAt: row.created_at,
    createdBy: { id: row.created_by, displayName: row.created_name },
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, displayName: row.updated_name },
    revisions: revisions.map((r) => ({ version: r.version, savedAt: r.saved_at, savedBy: { id: r.saved_by, displayName: r.display_name }, content: r.content })),
  };
}

export function listMeetings(db: Db, actor: Actor, caseId: string): Promise<MeetingSummary[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: MEETING_RECORD_TYPE }, async (trx) => {
    const rows = await selectMeetings(trx).where('m.case_id', '=', caseId).orderBy('m.held_at', 'desc').execute();
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, heldAt: new Date(r.held_at).toISOString(), place: r.place, question: r.question, version: r.version, updatedAt: r.updated_at }));
  });
}

export function getMeeting(db: Db, actor: Actor, caseId: string, id: string): Promise<Meeting> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: MEETING_RECORD_TYPE }, (trx) => readMeeting(trx, caseId, id));
}

/** Internal participants get their current name (snapshotted); the assessment linked must be of this case. */
async function storedContent(trx: Db, caseId: string, input: MeetingInput): Promise<MeetingContent> {
  const userIds = input.participants.flatMap((p) => (p.kind === 'internal' ? [p.userId] : []));
  const users = userIds.length ? await trx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', userIds).execute() : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const participants = input.participants.map((p, index) => {
    if (p.kind === 'external') return p;
    const name = names.get(p.userId);
    if (!name) throw invalid(`participants.${index}.userId`, { it: 'Partecipante interno sconosciuto.', en: 'Unknown internal participant.' });
    return { ...p, name };
  });
  if (input.assessmentId) {
    const found = await trx.selectFrom('case_assessment').select('id').where('id', '=', input.assessmentId).where('case_id', '=', caseId).executeTakeFirst();
    if (!found) throw invalid('assessmentId', { it: 'La valutazione indicata non è di questo caso.', en: 'The assessment given is not of this case.' });
  }
  return { ...input, participants };
}

const columnsOf = (content: MeetingContent) => ({
  held_at: content.heldAt,
  place: content.place,
  question: content.question,
  decisions: content.decisions,
  participants: JSON.stringify(content.participants),
  follow_ups: JSON.stringify(content.followUps),
  assessment_id: content.assessmentId,
});

export function createMeeting(db: Db, actor: Actor, caseId: string, input: MeetingInput): Promise<Meeting> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: MEETING_RECORD_TYPE }, async (trx, record) => {
    const content = await storedContent(trx, caseId, input);
    const inserted = await trx
      .insertInto('case_meeting')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        ...columnsOf(content),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return readMeeting(trx, caseId, inserted.id);
  });
}

/** An edit keeps the previous state as a revision; a stale version gets 412 with the current meeting. */
export async function updateMeeting(db: Db, actor: Actor, caseId: string, id: string, body: MeetingUpdate): Promise<Meeting> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: MEETING_RECORD_TYPE }, async (trx) => {
    await trx.selectFrom('case_meeting').select('id').where('id', '=', id).where('case_id', '=', caseId).forUpdate().execute();
    const current = await selectMeetings(trx).where('m.case_id', '=', caseId).where('m.id', '=', id).executeTakeFirst();
    if (!current) throw notFound({ it: 'Incontro non trovato nel caso.', en: 'Meeting not found in the case.' });
    if (current.version !== body.version) return { conflict: await readMeeting(trx, caseId, id) };
    const { version, ...input } = body;
    const content = await storedContent(trx, caseId, input);
    await trx
      .insertInto('case_meeting_revision')
      .values({ meeting_id: id, version, content: JSON.stringify(contentOf(current)), saved_at: current.updated_at, saved_by: current.updated_by })
      .execute();
    await trx
      .updateTable('case_meeting')
      .set({
        ...columnsOf(content),
        version: version + 1,
        updated_at: sql<string>`trama_now()`,
        updated_by: actor.userId,
      })
      .where('id', '=', id)
      .execute();
    await touchCaseActivity(trx, caseId);
    return { saved: await readMeeting(trx, caseId, id) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}
