import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { fullAccessFilter, logCaseAccess } from '../cases/case-access.ts';
import { contributionQuery, toContribution } from './contribution-read.ts';
import type { MeetingTeam, PendingContribution, TeamMeetingBody } from './contributions.schemas.ts';
import { CONTRIBUTION_RECORD } from './contributions.service.ts';
import { placeApprovedPayments } from './payment-placement.ts';

const LOG_CHUNK = 1000;

async function logCases(trx: Db, actor: Actor, caseIds: string[], action: 'read' | 'update'): Promise<void> {
  for (let i = 0; i < caseIds.length; i += LOG_CHUNK) await logCaseAccess(trx, actor, caseIds.slice(i, i + LOG_CHUNK), action, CONTRIBUTION_RECORD);
}

/** Proposals waiting for a team decision on the cases the actor works on (own and team cases; the manager's territory). */
export async function pendingContributions(db: Db, actor: Actor): Promise<PendingContribution[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await contributionQuery(trx)
      .innerJoin('case_record as c', 'c.id', 'k.case_id')
      .select(['c.reference', 'c.team_id'])
      .where('k.status', '=', 'proposed')
      .where(fullAccessFilter(actor))
      .orderBy('k.proposed_at')
      .limit(500)
      .execute();
    await logCases(trx, actor, [...new Set(rows.map((r) => r.case_id))], 'read');
    return rows.map((row) => ({ ...toContribution(row), caseNumber: row.reference, teamId: row.team_id, isOwnProposal: row.proposed_by === actor.userId }));
  });
}

/** The teams the actor belongs to, each with its active members (names only: who sat at the meeting). */
export async function meetingTeams(db: Db, actor: Actor): Promise<MeetingTeam[]> {
  const rows = await db
    .selectFrom('team as t')
    .innerJoin('team_member as tm', 'tm.team_id', 't.id')
    .innerJoin('app_user as u', 'u.id', 'tm.user_id')
    .select(['t.id', 't.name', 'u.id as user_id', 'u.display_name'])
    .where('t.id', 'in', db.selectFrom('team_member').select('team_id').where('user_id', '=', actor.userId))
    .where('u.is_active', '=', true)
    .orderBy('t.name')
    .orderBy('u.display_name')
    .execute();
  const teams = new Map<string, MeetingTeam>();
  for (const r of rows) {
    const team = teams.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    team.members.push({ id: r.user_id, displayName: r.display_name });
    teams.set(r.id, team);
  }
  return [...teams.values()];
}

const ownProposal = () =>
  new AppError('CONFLICT', {
    message: {
      it: 'Non si può approvare un contributo proposto da sé stessi: la decisione va registrata da un altro componente dell’équipe o dal responsabile.',
      en: 'You cannot approve a contribution you proposed yourself: another team member or the manager must record the decision.',
    },
  });

/**
 * Records a team meeting and its decisions. Every contribution must be a proposal on a case the actor
 * works on, and no one approves their own proposal (not even the manager). The decisions, the status
 * change and the payment lines are set-based statements: the same few round trips for 1 or 10,000.
 */
export async function recordTeamMeeting(db: Db, actor: Actor, body: TeamMeetingBody): Promise<{ id: string; approved: number; rejected: number; paymentLines: number }> {
  const ids = body.decisions.map((d) => d.contributionId);
  if (new Set(ids).size !== ids.length) throw invalid('decisions', { it: 'Lo stesso contributo compare più volte.', en: 'The same contribution appears more than once.' });
  return db.transaction().execute(async (trx) => {
    if (body.teamId && !(await trx.selectFrom('team').select('id').where('id', '=', body.teamId).executeTakeFirst())) {
      throw invalid('teamId', { it: 'Équipe sconosciuta.', en: 'Unknown team.' });
    }
    // Who sat at the meeting: known users, and always the one who records it.
    const participantIds = [...new Set([actor.userId, ...body.participantIds])];
    const known = await trx.selectFrom('app_user').select('id').where('id', 'in', participantIds).execute();
    if (known.length !== participantIds.length) throw invalid('participantIds', { it: 'Uno dei partecipanti indicati non è un utente.', en: 'One of the participants named is not a user.' });
    const rows = await trx
      .selectFrom('contribution as k')
      .innerJoin('case_record as c', 'c.id', 'k.case_id')
      .select(['k.id', 'k.case_id', 'k.status', 'k.proposed_by'])
      .where(sql<boolean>`k.id = ANY(${ids}::uuid[])`)
      .where(fullAccessFilter(actor))
      .forUpdate()
      .execute();
    if (rows.length !== ids.length) throw notFound({ it: 'Uno o più contributi non trovati tra i casi di competenza.', en: 'One or more contributions not found among your cases.' });
    if (rows.some((r) => r.status !== 'proposed')) {
      throw new AppError('CONFLICT', { message: { it: 'Uno o più contributi sono già stati decisi o revocati.', en: 'One or more contributions were already decided or revoked.' } });
    }
    const approving = new Set(body.decisions.filter((d) => d.decision === 'approve').map((d) => d.contributionId));
    if (rows.some((r) => r.proposed_by === actor.userId && approving.has(r.id))) throw ownProposal();

    const meeting = await trx
      .insertInto('team_meeting')
      .values({ team_id: body.teamId, held_on: body.heldOn, participant_ids: participantIds, other_participants: body.otherParticipants, note: body.note, recorded_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO team_meeting_decision (meeting_id, contribution_id, decision, note, decided_by)
      SELECT ${meeting.id}, d.id, d.decision, d.note, ${actor.userId}
      FROM unnest(${ids}::uuid[], ${body.decisions.map((d) => d.decision)}::text[], ${body.decisions.map((d) => d.note)}::text[]) AS d(id, decision, note)`.execute(trx);
    await sql`UPDATE contribution k SET status = CASE d.decision WHEN 'approve' THEN 'approved' ELSE 'rejected' END, decision_id = d.id, version = k.version + 1
      FROM team_meeting_decision d WHERE d.meeting_id = ${meeting.id} AND d.contribution_id = k.id`.execute(trx);
    const paymentLines = await placeApprovedPayments(trx, meeting.id, actor.userId);
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    await trx.updateTable('case_record').set({ last_activity_at: sql<string>`trama_now()` }).where(sql<boolean>`id = ANY(${caseIds}::uuid[])`).execute();
    await logCases(trx, actor, caseIds, 'update');
    return { id: meeting.id, approved: approving.size, rejected: ids.length - approving.size, paymentLines };
  });
}
