import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { listArrangements } from './arrangements.read.ts';
import { toServiceSummary } from './catalogue.service.ts';
import type { ServiceDetail, ServiceInput } from './catalogue.schemas.ts';
import { CATALOGUE_READ } from './permissions.ts';
import { assertKnownCodes, loadReferenceCodes, needAreasOfService } from './reference-codes.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './catalogue.tables.ts';

export const serviceNotFound = () => notFound({ it: 'Servizio non trovato.', en: 'Service not found.' });

export const codeTaken = (code: string) =>
  new AppError('CONFLICT', {
    message: { it: `Il codice ${code} è già usato da un altro servizio.`, en: `Code ${code} is already used by another service.` },
    details: [{ path: 'code', message: 'Codice già in uso.', messageEn: 'Code already in use.' }],
  });

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/** A service with its arrangements in the municipalities the reader's grants cover. */
export async function getService(db: Db, actor: Actor, id: string): Promise<ServiceDetail> {
  const row = await db
    .selectFrom('service as s')
    .selectAll('s')
    .select(needAreasOfService)
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw serviceNotFound();
  const { municipalityCodes } = scopeFor(actor, CATALOGUE_READ);
  return {
    ...toServiceSummary(row),
    accessRules: row.access_rules,
    updatedAt: row.updated_at,
    arrangements: await listArrangements(db, { municipalityCodes, serviceIds: [id] }),
  };
}

function columnsOf(input: ServiceInput, actor: Actor) {
  return {
    code: input.code.toUpperCase(),
    name: input.name,
    kind: input.kind,
    unit: input.unit,
    siuss_benefit_code: input.siussBenefitCode || null,
    access_rules: input.accessRules || null,
    updated_by: actor.userId,
  };
}

/** A service as the administration trail keeps it (the catalogue is installation-wide). */
async function serviceRecord(trx: Db, id: string) {
  const row = await trx.selectFrom('service as s').selectAll('s').select(needAreasOfService).where('s.id', '=', id).executeTakeFirst();
  return row ? { ...toServiceSummary(row), accessRules: row.access_rules } : null;
}

async function saveService(db: Db, actor: Actor, input: ServiceInput, id: string | undefined): Promise<string> {
  const needAreas = [...new Set(input.needAreas)];
  assertKnownCodes(await loadReferenceCodes(db), needAreas, input.siussBenefitCode || null);
  const columns = columnsOf(input, actor);
  try {
    return await db.transaction().execute(async (trx) => {
      const clash = await trx.selectFrom('service').select('id').where('code', '=', columns.code).executeTakeFirst();
      if (clash && clash.id !== id) throw codeTaken(columns.code);
      const before = id ? await serviceRecord(trx, id) : null;
      const saved = id
        ? await trx
            .updateTable('service')
            .set({ ...columns, ...(input.isActive !== undefined ? { is_active: input.isActive } : {}), updated_at: sql`trama_now()` })
            .where('id', '=', id)
            .returning('id')
            .executeTakeFirst()
        : await trx
            .insertInto('service')
            .values({ ...columns, is_active: input.isActive ?? true })
            .returning('id')
            .executeTakeFirst();
      if (!saved) throw serviceNotFound();
      await trx.deleteFrom('service_need_area').where('service_id', '=', saved.id).execute();
      await trx.insertInto('service_need_area').values(needAreas.map((need_area_code) => ({ service_id: saved.id, need_area_code }))).execute();
      const after = await serviceRecord(trx, saved.id);
      await recordAdminChange(trx, actor, { entityType: 'service', entityId: saved.id, action: before ? 'update' : 'create', before, after, municipalityCodes: null });
      return saved.id;
    });
  } catch (error) {
    // Two managers saving the same new code at once: the unique index decides, the loser gets a 409.
    if (isUniqueViolation(error)) throw codeTaken(columns.code);
    throw error;
  }
}

export async function createService(db: Db, actor: Actor, input: ServiceInput): Promise<ServiceDetail> {
  return getService(db, actor, await saveService(db, actor, input, undefined));
}

export async function updateService(db: Db, actor: Actor, id: string, input: ServiceInput): Promise<ServiceDetail> {
  return getService(db, actor, await saveService(db, actor, input, id));
}
