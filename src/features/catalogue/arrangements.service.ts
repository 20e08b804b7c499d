import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { listArrangements } from './arrangements.read.ts';
import type { ArrangementInput, ServiceMap } from './arrangements.schemas.ts';
import type { Arrangement } from './catalogue.schemas.ts';
import { CATALOGUE_MANAGE } from './permissions.ts';
import { hasNeedArea, needAreasOfService } from './reference-codes.ts';
import { serviceNotFound } from './services.service.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './catalogue.tables.ts';
import '../territories/territories.tables.ts';

/** A manager sets arrangements only in the municipalities its grants cover. */
function assertManages(actor: Actor, municipalityCode: string): void {
  if (!scopeFor(actor, CATALOGUE_MANAGE).municipalityCodes.includes(municipalityCode)) {
    throw new AppError('FORBIDDEN', {
      message: {
        it: 'Questo comune non è tra i territori che gestisci: non puoi modificarne l’assetto dei servizi.',
        en: 'This municipality is not among the territories you manage: you cannot change its service arrangements.',
      },
    });
  }
}

async function checkInput(db: Db, input: ArrangementInput): Promise<string[]> {
  const providerIds = [...new Set(input.providerIds)];
  if (input.titleHolder === 'other' && !input.titleHolderName) {
    throw invalid('titleHolderName', { it: 'Indicare il nome del titolare.', en: 'Give the name of the title holder.' });
  }
  if (input.delivery === 'provider' && providerIds.length === 0) {
    throw invalid('providerIds', { it: 'Scegliere almeno un fornitore che eroga il servizio.', en: 'Choose at least one provider delivering the service.' });
  }
  if (input.delivery === 'direct' && providerIds.length > 0) {
    throw invalid('providerIds', { it: 'Un servizio a gestione diretta non ha fornitori.', en: 'A directly delivered service has no providers.' });
  }
  if (providerIds.length) {
    const found = await db.selectFrom('provider_organisation').select('id').where('id', 'in', providerIds).where('is_active', '=', true).execute();
    if (found.length !== providerIds.length) {
      throw invalid('providerIds', { it: 'Un fornitore indicato non esiste o non è attivo.', en: 'A provider given does not exist or is not active.' });
    }
  }
  return providerIds;
}

export async function setArrangement(db: Db, actor: Actor, serviceId: string, municipalityCode: string, input: ArrangementInput): Promise<Arrangement> {
  assertManages(actor, municipalityCode);
  const service = await db.selectFrom('service').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!service) throw serviceNotFound();
  const providerIds = await checkInput(db, input);
  const columns = {
    title_holder: input.titleHolder,
    title_holder_name: input.titleHolderName || null,
    delivery: input.delivery,
    function_mode: input.functionMode,
    notes: input.notes || null,
    updated_by: actor.userId,
  };
  await db.transaction().execute(async (trx) => {
    const where = { municipalityCodes: [municipalityCode], serviceIds: [serviceId] };
    const [before] = await listArrangements(trx, where);
    await trx
      .insertInto('service_arrangement')
      .values({ municipality_code: municipalityCode, service_id: serviceId, ...columns })
      .onConflict((oc) => oc.columns(['municipality_code', 'service_id']).doUpdateSet({ ...columns, updated_at: sql`trama_now()` }))
      .execute();
    await trx.deleteFrom('service_arrangement_provider').where('municipality_code', '=', municipalityCode).where('service_id', '=', serviceId).execute();
    if (providerIds.length) {
      await trx
        .insertInto('service_arrangement_provider')
        .values(providerIds.map((provider_id) => ({ municipality_code: municipalityCode, service_id: serviceId, provider_id })))
        .execute();
    }
    const [after] = await listArrangements(trx, where);
    await recordAdminChange(trx, actor, {
      entityType: 'service_arrangement',
      entityId: `${serviceId}/${municipalityCode}`,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after,
      municipalityCodes: [municipalityCode],
    });
  });
  const [saved] = await listArrangements(db, { municipalityCodes: [municipalityCode], serviceIds: [serviceId] });
  if (!saved) throw serviceNotFound();
  return saved;
}

/** Clears an arrangement: the service is no longer present in that municipality. */
export async function clearArrangement(db: Db, actor: Actor, serviceId: string, municipalityCode: string): Promise<void> {
  assertManages(actor, municipalityCode);
  await db.transaction().execute(async (trx) => {
    const [before] = await listArrangements(trx, { municipalityCodes: [municipalityCode], serviceIds: [serviceId] });
    const result = await trx.deleteFrom('service_arrangement').where('service_id', '=', serviceId).where('municipality_code', '=', municipalityCode).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw notFound({ it: 'Il servizio non ha un assetto in questo comune.', en: 'The service has no arrangement in this municipality.' });
    }
    await recordAdminChange(trx, actor, { entityType: 'service_arrangement', entityId: `${serviceId}/${municipalityCode}`, action: 'delete', before, municipalityCodes: [municipalityCode] });
  });
}

/** Which active services are present where, in the manager's municipalities, optionally for one area of need. */
export async function serviceMap(db: Db, actor: Actor, needArea: string | undefined): Promise<ServiceMap> {
  const codes = scopeFor(actor, CATALOGUE_MANAGE).municipalityCodes;
  const municipalities = codes.length
    ? await db.selectFrom('municipality').select(['istat_code as code', 'name']).where('istat_code', 'in', codes).orderBy('name').execute()
    : [];
  let select = db.selectFrom('service as s').select(['s.id', 's.code', 's.name', needAreasOfService]).where('s.is_active', '=', true).orderBy('s.name');
  if (needArea) select = select.where(hasNeedArea(needArea));
  const services = (await select.execute()).map((s) => ({ id: s.id, code: s.code, name: s.name, needAreas: s.need_areas }));
  const cells = await listArrangements(db, { municipalityCodes: codes, serviceIds: services.map((s) => s.id) });
  return { municipalities, services, cells };
}
