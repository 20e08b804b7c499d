import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { listArrangements } from './arrangements.read.ts';
import { CATALOGUE_READ } from './permissions.ts';
import type { Provider, ProviderDelivery, ProviderDetail, ProviderInput } from './providers.schemas.ts';
import { isValidProviderTaxCode } from './tax-code.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './catalogue.tables.ts';
import '../territories/territories.tables.ts';

const providerNotFound = () => notFound({ it: 'Fornitore non trovato.', en: 'Provider not found.' });

export async function listProviders(db: Db, options: { includeInactive?: boolean; id?: string } = {}): Promise<Provider[]> {
  let select = db
    .selectFrom('provider_organisation as p')
    .leftJoin('municipality as m', 'm.istat_code', 'p.municipality_code')
    .selectAll('p')
    .select('m.name as municipality_name')
    .select(sql<number>`(SELECT count(DISTINCT ap.service_id)::int FROM service_arrangement_provider ap WHERE ap.provider_id = p.id)`.as('service_count'))
    .orderBy('p.name');
  if (options.id) select = select.where('p.id', '=', options.id);
  else if (!options.includeInactive) select = select.where('p.is_active', '=', true);
  return (await select.execute()).map((p) => ({
    id: p.id,
    name: p.name,
    taxCode: p.tax_code,
    kind: p.kind,
    email: p.email,
    phone: p.phone,
    address: p.address,
    municipalityCode: p.municipality_code,
    municipalityName: p.municipality_name,
    isActive: p.is_active,
    serviceCount: p.service_count,
  }));
}

/** The services an organisation delivers, each with the municipalities where it does. */
async function deliveriesOf(db: Db, providerId: string, municipalityCodes: readonly string[] | 'all'): Promise<ProviderDelivery[]> {
  const arrangements = await listArrangements(db, { municipalityCodes, providerId });
  if (!arrangements.length) return [];
  const services = await db
    .selectFrom('service')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(arrangements.map((a) => a.serviceId))])
    .orderBy('name')
    .execute();
  return services.map((s) => ({
    serviceId: s.id,
    code: s.code,
    name: s.name,
    municipalities: arrangements.filter((a) => a.serviceId === s.id).map((a) => ({ code: a.municipalityCode, name: a.municipalityName })),
  }));
}

export async function getProvider(db: Db, actor: Actor, id: string): Promise<ProviderDetail> {
  const [provider] = await listProviders(db, { id });
  if (!provider) throw providerNotFound();
  return { ...provider, deliveries: await deliveriesOf(db, id, scopeFor(actor, CATALOGUE_READ).municipalityCodes) };
}

/** A provider user's own organisation and everything it delivers. */
export async function myProvider(db: Db, actor: Actor): Promise<ProviderDetail> {
  const [provider] = actor.providerId ? await listProviders(db, { id: actor.providerId }) : [];
  if (!provider) {
    throw notFound({
      it: 'Il tuo utente non è collegato a un’organizzazione fornitrice: rivolgiti all’amministratore di sistema.',
      en: 'Your user is not linked to a provider organisation: ask the system administrator.',
    });
  }
  return { ...provider, deliveries: await deliveriesOf(db, provider.id, 'all') };
}

function columnsOf(input: ProviderInput) {
  const taxCode = input.taxCode ? input.taxCode.toUpperCase() : null;
  if (taxCode && !isValidProviderTaxCode(taxCode)) {
    throw invalid('taxCode', {
      it: 'Codice fiscale o partita IVA non valido: controllare le cifre (il carattere di controllo non corrisponde).',
      en: 'Invalid tax code or VAT number: check the digits (the check character does not match).',
    });
  }
  return {
    name: input.name,
    tax_code: taxCode,
    kind: input.kind,
    email: input.email ?? null,
    phone: input.phone || null,
    address: input.address || null,
    municipality_code: input.municipalityCode ?? null,
  };
}

export async function saveProvider(db: Db, actor: Actor, input: ProviderInput, id?: string): Promise<ProviderDetail> {
  const columns = columnsOf(input);
  const saved = await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('provider_organisation').select('id').where(sql`lower(name)`, '=', input.name.toLowerCase()).executeTakeFirst();
    if (clash && clash.id !== id) {
      throw new AppError('CONFLICT', {
        message: { it: `Esiste già un fornitore di nome «${input.name}».`, en: `A provider named “${input.name}” already exists.` },
        details: [{ path: 'name', message: 'Nome già in uso.', messageEn: 'Name already in use.' }],
      });
    }
    const active = input.isActive !== undefined ? { is_active: input.isActive } : {};
    const [before] = id ? await listProviders(trx, { id, includeInactive: true }) : [];
    const row = id
      ? await trx.updateTable('provider_organisation').set({ ...columns, ...active }).where('id', '=', id).returning('id').executeTakeFirst()
      : await trx.insertInto('provider_organisation').values({ ...columns, ...active }).returning('id').executeTakeFirst();
    if (!row) return row;
    const [after] = await listProviders(trx, { id: row.id, includeInactive: true });
    // Providers serve the whole installation: every manager sees the change.
    await recordAdminChange(trx, actor, { entityType: 'provider_organisation', entityId: row.id, action: before ? 'update' : 'create', before, after, municipalityCodes: null });
    return row;
  });
  if (!saved) throw providerNotFound();
  return getProvider(db, actor, saved.id);
}
