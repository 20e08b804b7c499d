import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import { caseScopes, lockCaseContent, loggingRefusal, managesCase } from './case-access.ts';
import { readFullCase } from './case-detail.ts';
import { currentPlanObjectives } from '../care-plans/closure-objectives.ts';
import { CASE_TRANSITIONS, type CaseStatus } from './cases.codes.ts';
import type { AddPersonBody, CaseDetail, StatusChangeBody, TransferBody, UpdateCaseBody } from './cases.schemas.ts';
import type { ObjectiveOutcomeRow } from './cases.tables.ts';
import { ownerAndTeam } from './owners.ts';
import { CASE_WRITE } from './permissions.ts';

type LockedCase = Awaited<ReturnType<typeof lockCaseContent>>;
type Change = (trx: Db, row: LockedCase) => Promise<Record<string, unknown>>;

/**
 * The one path of every write on a case: full access, row lock, version check (412 with the current
 * case, read and logged), the change, version + 1 and last activity, read back (logged as update).
 */
export async function changeCase(db: Db, actor: Actor, caseId: string, version: number, change: Change): Promise<CaseDetail> {
  const refusalLog = { action: 'update' as const, recordType: 'case' };
  const outcome = await loggingRefusal(db, actor, refusalLog, () =>
    db.transaction().execute(async (trx) => {
      const row = await lockCaseContent(trx, actor, caseId);
      if (row.version !== version) return { conflict: await readFullCase(trx, actor, caseId, 'read') };
      const values = await change(trx, row);
      await trx
        .updateTable('case_record')
        .set({ ...values, version: version + 1, last_activity_at: sql`trama_now()` })
        .where('id', '=', caseId)
        .execute();
      return { saved: await readFullCase(trx, actor, caseId, 'update') };
    }),
  );
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

const STATUS_NAMES: Record<CaseStatus, { it: string; en: string }> = {
  open: { it: 'aperto', en: 'open' },
  assessing: { it: 'in valutazione', en: 'assessing' },
  in_charge: { it: 'in carico', en: 'in charge' },
  suspended: { it: 'sospeso', en: 'suspended' },
  closed: { it: 'chiuso', en: 'closed' },
};

function illegalTransition(from: CaseStatus, to: CaseStatus): AppError {
  const allowed = CASE_TRANSITIONS[from];
  const list = (lang: 'it' | 'en') => allowed.map((s) => `«${STATUS_NAMES[s][lang]}»`).join(', ');
  return new AppError('CONFLICT', {
    message: {
      it: `Un caso ${STATUS_NAMES[from].it} non può passare a «${STATUS_NAMES[to].it}»: stati possibili ${list('it')}.`,
      en: `A case that is ${STATUS_NAMES[from].en} cannot become "${STATUS_NAMES[to].en}": allowed ${list('en')}.`,
    },
    data: { allowed },
  });
}

/**
 * The outcome of every objective of the plan version in force (care-plans' currentPlanObjectives), each
 * stored with the objective's text; no agreed plan: no outcomes (null). Unknown, repeated or missing objectives: 400.
 */
async function objectiveOutcomes(trx: Db, caseId: string, given: NonNullable<StatusChangeBody['objectiveOutcomes']>): Promise<ObjectiveOutcomeRow[] | null> {
  const { planVersion, objectives } = await currentPlanObjectives(trx, caseId);
  if (planVersion === null) {
    if (given.length === 0) return null;
    throw invalid('objectiveOutcomes', { it: 'Il caso non ha un progetto concordato: non ci sono obiettivi di cui dare l’esito.', en: 'The case has no agreed project: there are no objectives to report on.' });
  }
  const texts = new Map(objectives.map((o) => [o.id, o.description]));
  const seen = new Set<string>();
  for (const [index, item] of given.entries()) {
    const field = `objectiveOutcomes.${String(index)}.objectiveId`;
    if (!texts.has(item.objectiveId)) {
      throw invalid(field, {
        it: `L’obiettivo indicato non è del progetto in vigore (versione ${String(planVersion)}) di questo caso.`,
        en: `The objective is not one of this case's project in force (version ${String(planVersion)}).`,
      });
    }
    if (seen.has(item.objectiveId)) throw invalid(field, { it: 'Esito già indicato per questo obiettivo.', en: 'Outcome already given for this objective.' });
    seen.add(item.objectiveId);
  }
  const missing = objectives.filter((o) => !seen.has(o.id)).map((o) => `«${o.description}»`);
  if (missing.length > 0) {
    throw invalid('objectiveOutcomes', {
      it: `Indicare l’esito di ogni obiettivo del progetto; mancano: ${missing.join(', ')}.`,
      en: `Give the outcome of every objective of the project; missing: ${missing.join(', ')}.`,
    });
  }
  return given.map((item) => ({ objectiveId: item.objectiveId, objective: texts.get(item.objectiveId) ?? '', outcome: item.outcome, note: item.note }));
}

/** A dated transition with its reason, following the status machine; closing needs reason and outcome. */
export function changeStatus(db: Db, actor: Actor, caseId: string, body: StatusChangeBody): Promise<CaseDetail> {
  return changeCase(db, actor, caseId, body.version, async (trx, row) => {
    if (!CASE_TRANSITIONS[row.status].includes(body.to)) throw illegalTransition(row.status, body.to);
    await trx.insertInto('case_status_change').values({ case_id: caseId, from_status: row.status, to_status: body.to, reason: body.reason, changed_by: actor.userId }).execute();
    if (body.to === 'closed') {
      if (!body.closureReason) throw invalid('closureReason', { it: 'Indicare il motivo della chiusura.', en: 'State the reason for closing.' });
      if (!body.closureOutcome) throw invalid('closureOutcome', { it: 'Descrivere l’esito rispetto agli obiettivi.', en: 'Describe the outcome against the objectives.' });
      const outcomes = await objectiveOutcomes(trx, caseId, body.objectiveOutcomes ?? []);
      return {
        status: 'closed',
        closed_at: sql`trama_now()`,
        closure_reason: body.closureReason,
        closure_outcome: body.closureOutcome,
        closure_objective_outcomes: outcomes ? JSON.stringify(outcomes) : null,
      };
    }
    if (row.status === 'closed') return { status: body.to, closed_at: null, closure_reason: null, closure_outcome: null, closure_objective_outcomes: null };
    return { status: body.to };
  });
}

/** The manager of the territory, or the owner to a colleague, hands the case over; the history keeps it. */
export function transferCase(db: Db, actor: Actor, caseId: string, body: TransferBody): Promise<CaseDetail> {
  return changeCase(db, actor, caseId, body.version, async (trx, row) => {
    if (!managesCase(actor, row) && row.owner_id !== actor.userId) {
      throw new AppError('FORBIDDEN', { message: { it: 'Solo il responsabile del caso o del servizio può trasferirlo.', en: 'Only the case owner or the service manager can transfer the case.' } });
    }
    const next = await ownerAndTeam(trx, { municipalityCode: row.municipality_code, areaId: row.area_id }, body.ownerId, body.teamId === undefined ? row.team_id : body.teamId);
    if (next.ownerId === row.owner_id && next.teamId === row.team_id) {
      throw invalid('ownerId', { it: 'Il caso ha già questo responsabile e questa équipe.', en: 'The case already has this owner and team.' });
    }
    await trx
      .insertInto('case_transfer')
      .values({ case_id: caseId, from_owner_id: row.owner_id, to_owner_id: next.ownerId, from_team_id: row.team_id, to_team_id: next.teamId, reason: body.reason, transferred_by: actor.userId })
      .execute();
    return { owner_id: next.ownerId, team_id: next.teamId };
  });
}

export function updateCase(db: Db, actor: Actor, caseId: string, body: UpdateCaseBody): Promise<CaseDetail> {
  return changeCase(db, actor, caseId, body.version, async (trx) => {
    const values: Record<string, unknown> = {};
    if (body.needAreaCodes) {
      const found = await trx.selectFrom('need_area').select('code').where('code', 'in', body.needAreaCodes.length ? body.needAreaCodes : ['']).execute();
      if (found.length !== new Set(body.needAreaCodes).size) throw invalid('needAreaCodes', { it: 'Area di bisogno sconosciuta.', en: 'Unknown area of need.' });
      values.need_area_codes = sql`${body.needAreaCodes}::text[]`;
    }
    if (body.nextReviewOn !== undefined) values.next_review_on = body.nextReviewOn;
    return values;
  });
}

export function addPerson(db: Db, actor: Actor, caseId: string, body: AddPersonBody): Promise<CaseDetail> {
  return changeCase(db, actor, caseId, body.version, async (trx) => {
    const person = await trx
      .selectFrom('person as p')
      .select(['p.id', 'p.municipality_code'])
      .where('p.id', '=', body.personId)
      .where(inScope(scopeFor(actor, CASE_WRITE), 'p.municipality_code', 'p.area_id'))
      .executeTakeFirst();
    if (!person) throw notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
    const existing = await trx.selectFrom('case_person').select('person_id').where('case_id', '=', caseId).where('person_id', '=', body.personId).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', { message: { it: 'La persona fa già parte del caso.', en: 'The person is already in the case.' } });
    await trx.insertInto('case_person').values({ case_id: caseId, person_id: person.id, role: body.role, municipality_code: person.municipality_code, added_by: actor.userId }).execute();
    return {};
  });
}

export function removePerson(db: Db, actor: Actor, caseId: string, personId: string, version: number): Promise<CaseDetail> {
  return changeCase(db, actor, caseId, version, async (trx) => {
    const persons = await trx.selectFrom('case_person').select(['person_id', 'role']).where('case_id', '=', caseId).execute();
    const target = persons.find((p) => p.person_id === personId);
    if (!target) throw notFound({ it: 'La persona non fa parte del caso.', en: 'The person is not in the case.' });
    if (target.role === 'beneficiary' && persons.filter((p) => p.role === 'beneficiary').length === 1) {
      throw new AppError('CONFLICT', { message: { it: 'Il caso deve avere almeno un beneficiario.', en: 'The case must keep at least one beneficiary.' } });
    }
    const removed = await trx.deleteFrom('case_person').where('case_id', '=', caseId).where('person_id', '=', personId).returning('municipality_code').executeTakeFirstOrThrow();
    // The removed person is no longer among those the read-back logs: log the change for them here.
    await writeAccessLog(trx, actor, caseScopes(actor).read, 'update', [{ personId, municipalityCode: removed.municipality_code, recordType: 'case', recordId: caseId }]);
    return {};
  });
}
