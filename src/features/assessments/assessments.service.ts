import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import '../case-settings/case-settings.tables.ts';
import type { Intensity } from './assessments.codes.ts';
import type { AssessedDimension, Assessment, AssessmentBody, AssessmentSummary, NewAssessmentBody, Preliminary } from './assessments.schemas.ts';
import './assessments.tables.ts';
import { proposeIntensity } from './intensity.ts';
import { checkSina } from './sina.ts';

export const RECORD_TYPE = 'case_assessment';

const EMPTY_PRELIMINARY: Preliminary = { request: '', needs: '', resources: '', notes: '', inDepthNeeded: true };

function selectAssessments(trx: Db) {
  return trx
    .selectFrom('case_assessment as a')
    .innerJoin('app_user as cu', 'cu.id', 'a.created_by')
    .innerJoin('app_user as uu', 'uu.id', 'a.updated_by')
    .leftJoin('app_user as du', 'du.id', 'a.completed_by')
    .selectAll('a')
    .select(['cu.display_name as created_name', 'uu.display_name as updated_name', 'du.display_name as completed_name']);
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectAssessments>['executeTakeFirst']>>>;

function summaryOf(row: Row): AssessmentSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    status: row.status,
    proposedIntensity: row.proposed_intensity,
    intensity: row.intensity,
    createdAt: row.created_at,
    createdBy: { id: row.created_by, displayName: row.created_name },
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by && row.completed_name ? { id: row.completed_by, displayName: row.completed_name } : null,
    version: row.version,
  };
}

function assessmentOf(row: Row): Assessment {
  return {
    ...summaryOf(row),
    preliminary: row.preliminary,
    dimensions: row.dimensions,
    sina: row.sina,
    intensityReason: row.intensity_reason,
    updatedBy: { id: row.updated_by, displayName: row.updated_name },
  };
}

async function findRow(trx: Db, caseId: string, id: string): Promise<Row> {
  const row = await selectAssessments(trx).where('a.case_id', '=', caseId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ it: 'Valutazione non trovata nel caso.', en: 'Assessment not found in the case.' });
  return row;
}

export function listAssessments(db: Db, actor: Actor, caseId: string): Promise<AssessmentSummary[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, async (trx) =>
    (await selectAssessments(trx).where('a.case_id', '=', caseId).orderBy('a.number', 'desc').execute()).map(summaryOf),
  );
}

export function getAssessment(db: Db, actor: Actor, caseId: string, id: string): Promise<Assessment> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: RECORD_TYPE }, async (trx) => assessmentOf(await findRow(trx, caseId, id)));
}

/** The active dimensions as configured now: the snapshot a new version keeps for good. */
async function dimensionSnapshot(trx: Db): Promise<AssessedDimension[]> {
  const rows = await trx.selectFrom('assessment_dimension').selectAll().where('is_active', '=', true).orderBy('sort_order').orderBy('code').execute();
  return rows.map((d) => ({ code: d.code, nameIt: d.name_it, nameEn: d.name_en, scaleMin: d.scale_min, scaleMax: d.scale_max, levelLabels: d.level_labels, score: null, notes: '' }));
}

/**
 * A new draft version (number = last + 1), with the dimensions as configured now; by default it starts
 * from the latest version's content (scores kept where the dimension and its scale still fit).
 */
export function createAssessment(db: Db, actor: Actor, caseId: string, body: NewAssessmentBody): Promise<Assessment> {
  return withCaseContent(db, actor, caseId, { action: 'create', recordType: RECORD_TYPE, lock: true }, async (trx, record) => {
    const draft = await trx.selectFrom('case_assessment').select('number').where('case_id', '=', caseId).where('status', '=', 'draft').executeTakeFirst();
    if (draft) {
      throw new AppError('CONFLICT', {
        message: { it: `La versione ${draft.number} è ancora in bozza: completarla prima di aprirne una nuova.`, en: `Version ${draft.number} is still a draft: complete it before starting a new one.` },
      });
    }
    const latest = await trx.selectFrom('case_assessment').selectAll().where('case_id', '=', caseId).orderBy('number', 'desc').executeTakeFirst();
    let dimensions = await dimensionSnapshot(trx);
    const copy = body.copyLatest && latest;
    if (copy) {
      const previous = new Map(latest.dimensions.map((d) => [d.code, d]));
      dimensions = dimensions.map((d) => {
        const old = previous.get(d.code);
        const fits = old?.score != null && old.score >= d.scaleMin && old.score <= d.scaleMax;
        return { ...d, score: fits ? old.score : null, notes: old?.notes ?? '' };
      });
    }
    const proposed = proposeIntensity(dimensions);
    const inserted = await trx
      .insertInto('case_assessment')
      .values({
        case_id: caseId,
        municipality_code: record.municipality_code,
        number: (latest?.number ?? 0) + 1,
        preliminary: JSON.stringify(copy ? latest.preliminary : EMPTY_PRELIMINARY),
        dimensions: JSON.stringify(dimensions),
        sina: copy && latest.sina ? JSON.stringify(latest.sina) : null,
        proposed_intensity: proposed,
        intensity: copy ? latest.intensity : null,
        intensity_reason: copy ? latest.intensity_reason : null,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCaseActivity(trx, caseId);
    return assessmentOf(await findRow(trx, caseId, inserted.id));
  });
}

/** Scores matched to the version's own snapshot (not the current configuration), each within its scale. */
function scoredDimensions(snapshot: AssessedDimension[], input: AssessmentBody['dimensions']): AssessedDimension[] {
  const byCode = new Map(input.map((d) => [d.code, d]));
  for (const d of input) {
    if (!snapshot.some((s) => s.code === d.code)) {
      throw invalid('dimensions', { it: `La dimensione ${d.code} non fa parte di questa versione.`, en: `Dimension ${d.code} is not part of this version.` });
    }
  }
  return snapshot.map((s) => {
    const given = byCode.get(s.code);
    if (!given) return s;
    if (given.score !== null && (given.score < s.scaleMin || given.score > s.scaleMax)) {
      throw invalid(`dimensions.${s.code}`, {
        it: `Il punteggio di «${s.nameIt}» va da ${s.scaleMin} a ${s.scaleMax}.`,
        en: `The score of "${s.nameEn}" goes from ${s.scaleMin} to ${s.scaleMax}.`,
      });
    }
    return { ...s, score: given.score, notes: given.notes };
  });
}

function checkIntensity(proposed: Intensity | null, chosen: Intensity | null, reason: string | null): void {
  if (chosen && chosen !== proposed && !reason) {
    throw invalid('intensityReason', {
      it: 'Indicare il motivo per cui l’intensità scelta è diversa da quella proposta.',
      en: 'State why the chosen intensity differs from the proposed one.',
    });
  }
}

type Locked = { conflict: Assessment } | { row: Row };

/** The draft locked for a change, or the current version to return with a 412; completed versions are refused. */
async function lockDraft(trx: Db, caseId: string, id: string, version: number): Promise<Locked> {
  await trx.selectFrom('case_assessment').select('id').where('id', '=', id).forUpdate().execute();
  const row = await findRow(trx, caseId, id);
  if (row.status === 'completed') {
    throw new AppError('CONFLICT', {
      message: { it: 'Una versione completata non si può più modificare: aprire una nuova versione.', en: 'A completed version can no longer change: start a new version.' },
    });
  }
  if (row.version !== version) return { conflict: assessmentOf(row) };
  return { row };
}

type Outcome = { conflict: Assessment } | { saved: Assessment };

function conflictOr(outcome: Outcome): Assessment {
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}

export async function saveAssessment(db: Db, actor: Actor, caseId: string, id: string, body: AssessmentBody): Promise<Assessment> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: RECORD_TYPE }, async (trx): Promise<Outcome> => {
    const locked = await lockDraft(trx, caseId, id, body.version);
    if ('conflict' in locked) return { conflict: locked.conflict };
    const dimensions = scoredDimensions(locked.row.dimensions, body.dimensions);
    if (body.sina) checkSina(body.sina, false);
    const proposed = proposeIntensity(dimensions);
    checkIntensity(proposed, body.intensity, body.intensityReason);
    await trx
      .updateTable('case_assessment')
      .set({
        preliminary: JSON.stringify(body.preliminary),
        dimensions: JSON.stringify(dimensions),
        sina: body.sina ? JSON.stringify(body.sina) : null,
        proposed_intensity: proposed,
        intensity: body.intensity,
        intensity_reason: body.intensity && body.intensity !== proposed ? body.intensityReason : null,
        version: body.version + 1,
        updated_at: sql<string>`trama_now()`,
        updated_by: actor.userId,
      })
      .where('id', '=', id)
      .execute();
    await touchCaseActivity(trx, caseId);
    return { saved: assessmentOf(await findRow(trx, caseId, id)) };
  });
  return conflictOr(outcome);
}

/** Completes a draft: from then on the version is read-only (the database refuses any change). */
export async function completeAssessment(db: Db, actor: Actor, caseId: string, id: string, version: number): Promise<Assessment> {
  const outcome = await withCaseContent(db, actor, caseId, { action: 'update', recordType: RECORD_TYPE }, async (trx): Promise<Outcome> => {
    const locked = await lockDraft(trx, caseId, id, version);
    if ('conflict' in locked) return { conflict: locked.conflict };
    const { row } = locked;
    if (row.sina) checkSina(row.sina, true);
    if (row.preliminary.inDepthNeeded && row.dimensions.some((d) => d.score === null)) {
      throw invalid('dimensions', { it: 'Dare un punteggio a ogni dimensione prima di completare.', en: 'Score every dimension before completing.' });
    }
    await trx
      .updateTable('case_assessment')
      .set({
        status: 'completed',
        intensity: row.intensity ?? row.proposed_intensity,
        version: version + 1,
        completed_at: sql<string>`trama_now()`,
        completed_by: actor.userId,
        updated_at: sql<string>`trama_now()`,
        updated_by: actor.userId,
      })
      .where('id', '=', id)
      .execute();
    await touchCaseActivity(trx, caseId);
    return { saved: assessmentOf(await findRow(trx, caseId, id)) };
  });
  return conflictOr(outcome);
}
