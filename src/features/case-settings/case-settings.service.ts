import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound, type Bilingual } from '../../platform/http/errors.ts';
import type {
  AssessmentDimension,
  AssessmentDimensionInput,
  AssessmentDimensionUpdate,
  CaseSettings,
  CaseSettingsInput,
  ListQuery,
  ProcedureType,
  ProcedureTypeInput,
  ProcedureTypeUpdate,
} from './case-settings.schemas.ts';
import type { AssessmentDimensionTable, ProcedureTypeTable } from './case-settings.tables.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './case-settings.tables.ts';
import { clock } from '../../platform/time/clock.ts';

/** Runs a write, turning a unique violation into a 409 with the message given. */
export async function unique<T>(message: Bilingual, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('CONFLICT', { message });
    throw error;
  }
}

const codeTaken: Bilingual = { it: 'Esiste già una voce con questo codice.', en: 'An entry with this code already exists.' };

type ProcedureRow = Pick<ProcedureTypeTable, 'code' | 'name' | 'legal_deadline_days'> & { id: string; is_active: boolean };
const toProcedureType = (row: ProcedureRow): ProcedureType => ({
  id: row.id,
  code: row.code,
  name: row.name,
  legalDeadlineDays: row.legal_deadline_days,
  isActive: row.is_active,
});

export async function listProcedureTypes(db: Db, query: ListQuery): Promise<ProcedureType[]> {
  let rows = db.selectFrom('procedure_type').selectAll().orderBy('name');
  if (query.includeInactive !== 'true') rows = rows.where('is_active', '=', true);
  return (await rows.execute()).map(toProcedureType);
}

// Case settings are installation-wide: every manager sees their changes in the administration trail.
export async function createProcedureType(db: Db, actor: Actor, input: ProcedureTypeInput): Promise<ProcedureType> {
  return unique(codeTaken, () =>
    db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('procedure_type')
        .values({ code: input.code, name: input.name, legal_deadline_days: input.legalDeadlineDays, is_active: input.isActive })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toProcedureType(row);
      await recordAdminChange(trx, actor, { entityType: 'procedure_type', entityId: row.id, action: 'create', after, municipalityCodes: null });
      return after;
    }),
  );
}

export async function updateProcedureType(db: Db, actor: Actor, id: string, input: ProcedureTypeUpdate): Promise<ProcedureType> {
  return db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('procedure_type').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await trx
      .updateTable('procedure_type')
      .set({ name: input.name, legal_deadline_days: input.legalDeadlineDays, is_active: input.isActive, updated_at: clock.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row || !old) throw notFound({ it: 'Tipo di procedimento non trovato.', en: 'Procedure type not found.' });
    const after = toProcedureType(row);
    await recordAdminChange(trx, actor, { entityType: 'procedure_type', entityId: id, action: 'update', before: toProcedureType(old), after, municipalityCodes: null });
    return after;
  });
}

type DimensionRow = Omit<AssessmentDimensionTable, 'id' | 'is_active' | 'updated_at' | 'level_labels'> & {
  id: string;
  is_active: boolean;
  level_labels: AssessmentDimension['levelLabels'];
};
const toDimension = (row: DimensionRow): AssessmentDimension => ({
  id: row.id,
  code: row.code,
  nameIt: row.name_it,
  nameEn: row.name_en,
  scaleMin: row.scale_min,
  scaleMax: row.scale_max,
  levelLabels: row.level_labels,
  sortOrder: row.sort_order,
  isActive: row.is_active,
});

/** The scale is an increasing range of at most 11 levels; labels, if any, name each level once. */
function checkScale(input: AssessmentDimensionUpdate): void {
  if (input.scaleMin >= input.scaleMax) {
    throw invalid('scaleMax', {
      it: 'Il valore massimo della scala deve essere maggiore del minimo.',
      en: 'The top of the scale must be greater than its bottom.',
    });
  }
  if (input.scaleMax - input.scaleMin > 10) {
    throw invalid('scaleMax', { it: 'La scala può avere al massimo 11 livelli.', en: 'The scale can have at most 11 levels.' });
  }
  if (input.levelLabels.length === 0) return;
  const values = input.levelLabels.map((l) => l.value).sort((a, b) => a - b);
  const expected = Array.from({ length: input.scaleMax - input.scaleMin + 1 }, (_, i) => input.scaleMin + i);
  if (values.join() !== expected.join()) {
    throw invalid('levelLabels', {
      it: `Serve un'etichetta per ciascun livello da ${input.scaleMin} a ${input.scaleMax}, una sola volta.`,
      en: `Give one label for each level from ${input.scaleMin} to ${input.scaleMax}, once each.`,
    });
  }
}

const dimensionValues = (input: AssessmentDimensionUpdate) => ({
  name_it: input.nameIt,
  name_en: input.nameEn,
  scale_min: input.scaleMin,
  scale_max: input.scaleMax,
  level_labels: JSON.stringify([...input.levelLabels].sort((a, b) => a.value - b.value)),
  sort_order: input.sortOrder,
  is_active: input.isActive,
});

export async function listAssessmentDimensions(db: Db, query: ListQuery): Promise<AssessmentDimension[]> {
  let rows = db.selectFrom('assessment_dimension').selectAll().orderBy('sort_order').orderBy('code');
  if (query.includeInactive !== 'true') rows = rows.where('is_active', '=', true);
  return (await rows.execute()).map(toDimension);
}

export async function createAssessmentDimension(db: Db, actor: Actor, input: AssessmentDimensionInput): Promise<AssessmentDimension> {
  checkScale(input);
  return unique(codeTaken, () =>
    db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('assessment_dimension').values({ code: input.code, ...dimensionValues(input) }).returningAll().executeTakeFirstOrThrow();
      const after = toDimension(row);
      await recordAdminChange(trx, actor, { entityType: 'assessment_dimension', entityId: row.id, action: 'create', after, municipalityCodes: null });
      return after;
    }),
  );
}

export async function updateAssessmentDimension(db: Db, actor: Actor, id: string, input: AssessmentDimensionUpdate): Promise<AssessmentDimension> {
  checkScale(input);
  return db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('assessment_dimension').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    const row = await trx
      .updateTable('assessment_dimension')
      .set({ ...dimensionValues(input), updated_at: clock.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row || !old) throw notFound({ it: 'Dimensione di valutazione non trovata.', en: 'Assessment dimension not found.' });
    const after = toDimension(row);
    await recordAdminChange(trx, actor, { entityType: 'assessment_dimension', entityId: id, action: 'update', before: toDimension(old), after, municipalityCodes: null });
    return after;
  });
}

export async function getCaseSettings(db: Db): Promise<CaseSettings> {
  const row = await db.selectFrom('case_settings').select(['inactivity_days', 'near_deadline_days', 'updated_at']).executeTakeFirstOrThrow();
  return { inactivityDays: row.inactivity_days, nearDeadlineDays: row.near_deadline_days, updatedAt: row.updated_at };
}

export async function updateCaseSettings(db: Db, actor: Actor, input: CaseSettingsInput): Promise<CaseSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await getCaseSettings(trx);
    await trx
      .updateTable('case_settings')
      .set({
        ...(input.inactivityDays === undefined ? {} : { inactivity_days: input.inactivityDays }),
        ...(input.nearDeadlineDays === undefined ? {} : { near_deadline_days: input.nearDeadlineDays }),
        updated_at: clock.now().toISOString(),
        updated_by: actor.userId,
      })
      .where('id', '=', true)
      .execute();
    const after = await getCaseSettings(trx);
    const values = (settings: CaseSettings) => ({ inactivityDays: settings.inactivityDays, nearDeadlineDays: settings.nearDeadlineDays });
    await recordAdminChange(trx, actor, { entityType: 'case_settings', entityId: 'case_settings', action: 'update', before: values(before), after: values(after), municipalityCodes: null });
  });
  return getCaseSettings(db);
}
