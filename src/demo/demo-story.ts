import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import '../features/users/users.tables.ts';
import '../features/cases/cases.tables.ts';
import '../features/case-settings/case-settings.tables.ts';
import '../features/case-diary/case-diary.tables.ts';
import '../features/case-letters/case-letters.tables.ts';
import '../features/assessments/assessments.tables.ts';
import '../features/procedures/procedures.tables.ts';
import '../features/care-plans/care-plans.tables.ts';
import '../features/interventions/interventions.tables.ts';
import '../features/contributions/contributions.tables.ts';
import '../features/referrals/referrals.tables.ts';
import '../features/accesses/accesses.tables.ts';

const ownedBy = (username: string) => sql<boolean>`c.owner_id = (SELECT id FROM app_user WHERE username = ${username})`;

const firstCase = async (db: Db, where: RawBuilder<boolean>): Promise<string | undefined> =>
  (await db.selectFrom('case_record as c').select('c.id').where(where).orderBy('c.reference').executeTakeFirst())?.id;

/**
 * The stages of the demo's story, by name: what a demo user finds on any day the demo is seeded, and what a
 * test asks for instead of guessing from the calendar. Each gives the id of the record showing it (a case,
 * unless said otherwise); the seed guarantees them all (see demo-story.int.test.ts).
 */
export const DEMO_STAGES = {
  /** assistente, Castel Maggiore: plan agreed (signed in person) and active, home care delivered by Coop. Il Ponte in the last weeks, a monthly contribution approved in a team meeting. */
  activePlan: (db: Db) =>
    firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM care_plan p WHERE p.case_id = c.id AND p.status = 'active' AND p.signature_method = 'in_person')
      AND EXISTS (SELECT 1 FROM intervention i JOIN intervention_delivery d ON d.intervention_id = i.id WHERE i.case_id = c.id)
      AND EXISTS (SELECT 1 FROM contribution k WHERE k.case_id = c.id AND k.status = 'approved' AND k.decision_id IS NOT NULL)`),
  /** assistente, Castel Maggiore, being assessed: a draft plan carrying a proposed contribution. */
  draftPlan: (db: Db) =>
    firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM care_plan p WHERE p.case_id = c.id AND p.status = 'draft')
      AND EXISTS (SELECT 1 FROM contribution k WHERE k.case_id = c.id AND k.status = 'proposed')`),
  /** A payment list (its id) of this month, open, with the approved contribution's instalment on it. */
  openPaymentListThisMonth: async (db: Db) =>
    (
      await db
        .selectFrom('payment_list as l')
        .select('l.id')
        .where('l.status', '=', 'open')
        .where(sql<boolean>`l.month = date_trunc('month', trama_today())::date AND EXISTS (SELECT 1 FROM payment_line x WHERE x.list_id = l.id)`)
        .executeTakeFirst()
    )?.id,
  /** assistente: a case still open whose review date has passed. */
  overdueReview: (db: Db) => firstCase(db, sql`${ownedBy('assistente')} AND c.status <> 'closed' AND c.next_review_on < trama_today()`),
  /** A case with a procedure undecided, running, due within the manager's "near the deadline" days. */
  procedureNearDeadline: (db: Db) =>
    firstCase(db, sql`EXISTS (SELECT 1 FROM case_procedure p WHERE p.case_id = c.id AND p.outcome IS NULL AND p.suspended_since IS NULL
      AND p.due_on BETWEEN trama_today() AND trama_today() + (SELECT near_deadline_days FROM case_settings LIMIT 1))`),
  /** A case with a procedure undecided past its legal deadline. */
  procedureOverdue: (db: Db) =>
    firstCase(db, sql`EXISTS (SELECT 1 FROM case_procedure p WHERE p.case_id = c.id AND p.outcome IS NULL AND p.suspended_since IS NULL AND p.due_on < trama_today())`),
  /** A case still open with no activity for longer than the manager's inactivity threshold. */
  inactiveCase: (db: Db) =>
    firstCase(db, sql`c.status <> 'closed' AND c.last_activity_at < trama_now() - make_interval(days => (SELECT inactivity_days FROM case_settings LIMIT 1))`),
  /** assistente: a completed assessment discussed in an assessment meeting (UVM). */
  completedAssessment: (db: Db) =>
    firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM case_assessment a JOIN case_meeting m ON m.assessment_id = a.id WHERE a.case_id = c.id AND a.status = 'completed')`),
  /** A diary entry corrected once, with its history. */
  correctedDiaryEntry: (db: Db) => firstCase(db, sql`EXISTS (SELECT 1 FROM case_diary_entry e WHERE e.case_id = c.id AND e.version > 1)`),
  /** assistente: a letter sent and a draft hard to read. */
  letters: (db: Db) =>
    firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM case_letter l WHERE l.case_id = c.id AND l.status = 'sent')
      AND EXISTS (SELECT 1 FROM case_letter l WHERE l.case_id = c.id AND l.status = 'draft')`),
  /** assistente: a referral sent to the disability unit. */
  sentReferral: (db: Db) => firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM case_referral r WHERE r.case_id = c.id AND r.status = 'sent')`),
  /** assistente: a petition for a support administrator still in draft. */
  draftPetition: (db: Db) => firstCase(db, sql`${ownedBy('assistente')} AND EXISTS (SELECT 1 FROM case_petition r WHERE r.case_id = c.id AND r.status = 'draft')`),
  /** A referral from the desk (its intake item id) still waiting for the manager to assign it. */
  waitingReferral: async (db: Db) => (await db.selectFrom('intake_item').select('id').where('status', '=', 'waiting').orderBy('referred_at').executeTakeFirst())?.id,
} satisfies Record<string, (db: Db) => Promise<string | undefined>>;

export type DemoStage = keyof typeof DEMO_STAGES;

/** The id of the record showing a stage of the demo's story; throws, naming the stage, if the demo lacks it. */
export async function demoStage(db: Db, stage: DemoStage): Promise<string> {
  const id = await DEMO_STAGES[stage](db);
  if (!id) throw new Error(`The demo has no "${stage}": the seed must tell the whole story on any date (src/demo/demo-story.ts).`);
  return id;
}
