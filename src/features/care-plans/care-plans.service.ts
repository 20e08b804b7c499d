import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import { activateInterventions, endInterventions } from '../interventions/intervention-sync.ts';
import { PLAN_TRANSITIONS, type PlanStatus } from './care-plans.codes.ts';
import type { CreatePlanBody, PlanVersion, SavePlanBody, TransitionBody } from './care-plans.schemas.ts';
import { contentOf, deleteContent, writeContent } from './plan-content.ts';
import { findPlanRow, planNotFound, readPlanRow, type PlanRow } from './plan-read.ts';
import { dayInRome } from '../../platform/time/rome.ts';

export const PLAN_RECORD = 'case_plan';

const STATUS_NAMES: Record<PlanStatus, { it: string; en: string }> = {
  draft: { it: 'in bozza', en: 'a draft' },
  proposed: { it: 'proposta', en: 'proposed' },
  agreed: { it: 'concordata', en: 'agreed' },
  active: { it: 'attiva', en: 'active' },
  under_review: { it: 'in verifica', en: 'under review' },
  closed: { it: 'chiusa', en: 'closed' },
};

/** 409: the version is past the draft; its content is fixed and a change needs a new version. */
function notEditable(plan: PlanRow): AppError {
  const n = String(plan.version_number);
  const status = STATUS_NAMES[plan.status];
  const agreed = plan.status !== 'proposed';
  return new AppError('CONFLICT', {
    message: agreed
      ? {
          it: `La versione ${n} del progetto è ${status.it} e non si può modificare: per cambiarla creare una nuova versione.`,
          en: `Version ${n} of the project is ${status.en} and cannot be changed: to change it, create a new version.`,
        }
      : {
          it: `La versione ${n} del progetto è proposta alla persona: per modificarla riportarla prima in bozza.`,
          en: `Version ${n} of the project has been proposed to the person: move it back to draft before editing.`,
        },
    data: { status: plan.status },
  });
}

function illegalTransition(from: PlanStatus, to: PlanStatus): AppError {
  const allowed = PLAN_TRANSITIONS[from];
  const list = (lang: 'it' | 'en') => (allowed.length ? allowed.map((s) => `«${STATUS_NAMES[s][lang]}»`).join(', ') : lang === 'it' ? 'nessuno' : 'none');
  return new AppError('CONFLICT', {
    message: {
      it: `Una versione ${STATUS_NAMES[from].it} del progetto non può diventare «${STATUS_NAMES[to].it}»: stati possibili ${list('it')}.`,
      en: `A project version that is ${STATUS_NAMES[from].en} cannot become "${STATUS_NAMES[to].en}": allowed ${list('en')}.`,
    },
    data: { allowed },
  });
}

/** The columns of a new version that start empty: no proposal, agreement, activation or closure yet. */
export const unsigned = (userId: string) =>
  ({
    signature_method: null,
    signed_on: null,
    signed_by_name: null,
    signature_document_ref: null,
    signature_note: null,
    agreement_recorded_at: null,
    agreement_recorded_by: null,
    proposed_at: null,
    activated_at: null,
    review_started_at: null,
    closed_at: null,
    closing_note: null,
    created_by: userId,
    updated_by: userId,
  }) as const;

type Change = (trx: Db, plan: PlanRow) => Promise<Record<string, unknown>>;

/**
 * The one path of every write on a plan version: the case gate and lock (withCaseContent, logged as
 * `action`), the row lock, the version check (412 with the current version, read and logged), the
 * change, version + 1, the case's last activity, read back.
 */
async function changePlan(db: Db, actor: Actor, caseId: string, n: number, version: number, action: AccessAction, change: Change): Promise<PlanVersion> {
  const outcome = await withCaseContent(db, actor, caseId, { action, recordType: PLAN_RECORD, lock: true }, async (trx) => {
    const plan = await findPlanRow(trx, caseId, n, true);
    if (!plan) throw planNotFound(n);
    if (plan.version !== version) return { conflict: await readPlanRow(trx, plan) };
    const values = await change(trx, plan);
    const saved = await trx
      .updateTable('care_plan')
      .set({ ...values, version: version + 1, updated_at: sql<string>`trama_now()`, updated_by: actor.userId })
      .where('id', '=', plan.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return { saved: await readPlanRow(trx, saved) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

/** The first version of the case's plan: an empty draft. */
export function createPlan(db: Db, actor: Actor, caseId: string, body: CreatePlanBody): Promise<PlanVersion> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: PLAN_RECORD, lock: true }, async (trx, record) => {
    const existing = await trx.selectFrom('care_plan').select('id').where('case_id', '=', caseId).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', { message: { it: 'Il caso ha già un progetto personalizzato.', en: 'The case already has a personalised project.' } });
    const status = await trx.selectFrom('case_record').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
    if (status.status === 'closed') throw new AppError('CONFLICT', { message: { it: 'Il caso è chiuso: riaprirlo per redigere un progetto.', en: 'The case is closed: reopen it to draft a project.' } });
    if (body.periodEnd < body.periodStart) throw invalid('periodEnd', { it: 'La fine del progetto è prima dell’inizio.', en: 'The project ends before it starts.' });
    const plan = await trx
      .insertInto('care_plan')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        version_number: 1,
        based_on_id: null,
        summary: body.summary,
        period_start: body.periodStart,
        period_end: body.periodEnd,
        ...unsigned(actor.userId),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return readPlanRow(trx, plan);
  });
}

/** Saves the whole content of a draft (items replaced, keys kept): 409 past the draft, 412 when stale. */
export function savePlan(db: Db, actor: Actor, caseId: string, n: number, body: SavePlanBody): Promise<PlanVersion> {
  return changePlanChecked(db, actor, caseId, n, body.version, async (trx, plan) => {
    const { version: _version, ...content } = body;
    await deleteContent(trx, plan.id);
    await writeContent(trx, plan, content);
    return { summary: content.summary, period_start: content.periodStart, period_end: content.periodEnd };
  });
}

/** Like changePlan for content writes: refuses (409) a version that is no longer a draft, before the version check. */
async function changePlanChecked(db: Db, actor: Actor, caseId: string, n: number, version: number, change: Change): Promise<PlanVersion> {
  return changePlan(db, actor, caseId, n, version, 'update', async (trx, plan) => {
    if (plan.status !== 'draft') throw notEditable(plan);
    return change(trx, plan);
  });
}

function today(): string {
  return dayInRome();
}

/** A lifecycle step of one version, following PLAN_TRANSITIONS; agreeing records how the person signed. */
export function transitionPlan(db: Db, actor: Actor, caseId: string, n: number, body: TransitionBody): Promise<PlanVersion> {
  return changePlan(db, actor, caseId, n, body.version, 'update', async (trx, plan) => {
    if (!PLAN_TRANSITIONS[plan.status].includes(body.to)) throw illegalTransition(plan.status, body.to);
    switch (body.to) {
      case 'draft':
        return { status: 'draft', proposed_at: null };
      case 'proposed': {
        const objectives = await trx.selectFrom('care_plan_objective').select('id').where('plan_id', '=', plan.id).executeTakeFirst();
        if (!objectives) throw invalid('objectives', { it: 'Indicare almeno un obiettivo prima di proporre il progetto.', en: 'State at least one objective before proposing the project.' });
        return { status: 'proposed', proposed_at: sql`trama_now()` };
      }
      case 'agreed': {
        const a = body.agreement;
        if (!a) throw invalid('agreement', { it: 'Indicare come e quando la persona ha firmato il progetto.', en: 'State how and when the person signed the project.' });
        if (a.signedOn > today()) throw invalid('agreement.signedOn', { it: 'La data della firma non può essere futura.', en: 'The signature date cannot be in the future.' });
        if (a.method === 'paper_scan' && !a.documentRef && !a.note) {
          throw invalid('agreement.documentRef', { it: 'Indicare il documento con la scansione firmata o una nota.', en: 'Give the document with the signed scan or a note.' });
        }
        return {
          status: 'agreed',
          signature_method: a.method,
          signed_on: a.signedOn,
          signed_by_name: a.signedByName,
          signature_document_ref: a.documentRef,
          signature_note: a.note,
          agreement_recorded_at: sql`trama_now()`,
          agreement_recorded_by: actor.userId,
        };
      }
      case 'active': {
        // The version now in force replaces the earlier agreed ones: they are closed, and kept.
        await trx
          .updateTable('care_plan')
          .set({ status: 'closed', closed_at: sql`trama_now()`, closing_note: `Sostituita dalla versione ${String(plan.version_number)}.`, version: sql`version + 1` })
          .where('case_id', '=', caseId)
          .where('id', '<>', plan.id)
          .where('status', 'in', ['agreed', 'active', 'under_review'])
          .execute();
        // Its supports become (or update) the case's interventions; dropped supports end theirs.
        await activateInterventions(trx, plan.id);
        return { status: 'active', activated_at: sql`trama_now()` };
      }
      case 'under_review':
        return { status: 'under_review', review_started_at: sql`trama_now()` };
      case 'closed':
        // Closing the version in force (active or under review) ends its interventions; an agreed one never started them.
        if (plan.status !== 'agreed') await endInterventions(trx, caseId);
        return { status: 'closed', closed_at: sql`trama_now()`, closing_note: body.note ?? null };
    }
  });
}

/** A new version: a draft copy of an agreed version (the latest), which goes through the lifecycle again. */
export function startNewVersion(db: Db, actor: Actor, caseId: string, n: number, version: number): Promise<PlanVersion> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: PLAN_RECORD, lock: true }, async (trx, record) => {
    const source = await findPlanRow(trx, caseId, n, true);
    if (!source) throw planNotFound(n);
    if (source.version !== version) throw new AppError('VERSION_CONFLICT', { data: { current: await readPlanRow(trx, source) } });
    const current = await readPlanRow(trx, source);
    if (!current.canStartNewVersion) {
      throw new AppError('CONFLICT', {
        message: {
          it: 'Si crea una nuova versione solo dall’ultima versione concordata (concordata, attiva o in verifica).',
          en: 'A new version can only be made from the latest agreed version (agreed, active or under review).',
        },
      });
    }
    const plan = await trx
      .insertInto('care_plan')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        version_number: source.version_number + 1,
        based_on_id: source.id,
        summary: source.summary,
        period_start: source.period_start,
        period_end: source.period_end,
        ...unsigned(actor.userId),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeContent(trx, plan, contentOf(current), true);
    await touchCaseActivity(trx, caseId);
    return readPlanRow(trx, plan);
  });
}
