import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { DeliveryMode, FunctionMode, TitleHolder } from '../catalogue.codes.ts';
import { vatCheckDigit } from '../tax-code.ts';
import { DEMO_PROVIDERS, DEMO_SERVICES, type DemoProviderKey } from './demo-catalogue.ts';
import '../catalogue.tables.ts';
import '../../territories/territories.tables.ts';

interface Arrangement {
  titleHolder: TitleHolder;
  titleHolderName?: string;
  delivery: DeliveryMode;
  providers?: DemoProviderKey[];
  functionMode: FunctionMode;
  notes?: string;
}

interface Presence {
  base: Arrangement;
  /** Only in these municipalities (by name); everywhere in the Union when absent. */
  only?: string[];
  absent?: string[];
  overrides?: Record<string, Partial<Arrangement>>;
}

const UNION: Arrangement = { titleHolder: 'union', delivery: 'direct', functionMode: 'delegated' };
const byProvider = (...providers: DemoProviderKey[]): Arrangement => ({ ...UNION, delivery: 'provider', providers });
const AUSL = 'Azienda USL di Bologna';
const ASP = 'ASP Pianura Reno';

/** Where each service is present and how: the Union holds most functions by delegation, with some local variation. */
const PRESENCE: Record<string, Presence> = {
  'A1.01': { base: { titleHolder: 'municipality', delivery: 'direct', functionMode: 'mixed', notes: 'Sportello comunale con personale dell’Unione.' }, overrides: { 'Castel Maggiore': { functionMode: 'direct' } } },
  'A2.01': { base: UNION },
  'B1.03': { base: byProvider('arcobaleno'), only: ['Castel Maggiore', 'San Pietro in Casale', 'San Giorgio di Piano', 'Argelato'] },
  'B2.01': { base: byProvider('arcobaleno') },
  'C1.01': { base: byProvider('ponte'), overrides: { 'Pieve di Cento': { providers: ['arcobaleno'] }, Galliera: { providers: ['arcobaleno'] } } },
  'C1.02': { base: byProvider('ponte') },
  'C1.03': { base: { titleHolder: 'municipality', delivery: 'provider', providers: ['arcobaleno'], functionMode: 'direct' }, overrides: { 'Castel Maggiore': { providers: ['ponte'] } } },
  'C3.01': { base: byProvider('volontari'), absent: ['Bentivoglio'] },
  'C4.01': { base: byProvider('ponte'), absent: ['Galliera', "Castello d'Argile"] },
  'D1.01': {
    base: { titleHolder: 'municipality', delivery: 'provider', providers: ['volontari'], functionMode: 'mixed' },
    overrides: { 'Castel Maggiore': { delivery: 'direct', providers: [], notes: 'Automezzo e autista comunali.' } },
  },
  'E1.01': { base: UNION, overrides: { 'Castel Maggiore': { titleHolder: 'municipality', functionMode: 'direct', notes: 'Fondo comunale aggiuntivo.' } } },
  'E1.02': { base: UNION },
  'E2.01': { base: { titleHolder: 'ausl', titleHolderName: AUSL, delivery: 'direct', functionMode: 'mixed' } },
  'F1.01': { base: { titleHolder: 'asp', titleHolderName: ASP, delivery: 'provider', providers: ['ponte'], functionMode: 'mixed' }, only: ['Castel Maggiore', 'San Pietro in Casale', 'Pieve di Cento'] },
  'F2.01': { base: { titleHolder: 'ausl', titleHolderName: AUSL, delivery: 'provider', providers: ['arcobaleno'], functionMode: 'mixed' }, only: ['Argelato', 'San Giorgio di Piano'] },
  'G1.01': { base: { titleHolder: 'asp', titleHolderName: ASP, delivery: 'direct', functionMode: 'mixed' }, only: ['Castel Maggiore', 'San Pietro in Casale', 'Bentivoglio'] },
};

/** The Union's catalogue, three providers (Il Ponte employs the demo user `fornitore`) and the arrangements of its municipalities. */
export async function catalogueDemo(trx: Db, context: DemoContext): Promise<void> {
  const towns = context.unionCodes.length
    ? await trx.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', context.unionCodes).execute()
    : [];
  const codeOf = new Map(towns.map((m) => [m.name, m.istat_code]));
  const by = context.userIds.responsabile ?? null;

  const services = await trx
    .insertInto('service')
    .values(DEMO_SERVICES.map((s) => ({ code: s.code, name: s.name, kind: s.kind, unit: s.unit, siuss_benefit_code: s.siuss, access_rules: s.rules, updated_by: by })))
    .returning(['id', 'code'])
    .execute();
  const serviceId = new Map(services.map((s) => [s.code, s.id]));
  await trx
    .insertInto('service_need_area')
    .values(DEMO_SERVICES.flatMap((s) => s.needAreas.map((need_area_code) => ({ service_id: serviceId.get(s.code)!, need_area_code }))))
    .execute();

  const providers = await trx
    .insertInto('provider_organisation')
    .values(
      DEMO_PROVIDERS.map((p) => ({
        name: p.name,
        tax_code: `${p.vatBase}${vatCheckDigit(p.vatBase)}`,
        kind: p.kind,
        email: p.email,
        phone: p.phone,
        address: p.address,
        municipality_code: codeOf.get(p.town) ?? null,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const providerId = (key: DemoProviderKey) => providers.find((p) => p.name === DEMO_PROVIDERS.find((d) => d.key === key)?.name)?.id;
  const ponte = providerId('ponte');
  if (context.userIds.fornitore && ponte) await trx.updateTable('app_user').set({ provider_id: ponte }).where('id', '=', context.userIds.fornitore).execute();

  for (const [code, presence] of Object.entries(PRESENCE)) {
    const id = serviceId.get(code);
    if (!id) continue;
    for (const town of towns) {
      if (presence.only && !presence.only.includes(town.name)) continue;
      if (presence.absent?.includes(town.name)) continue;
      const a = { ...presence.base, ...presence.overrides?.[town.name] };
      await trx
        .insertInto('service_arrangement')
        .values({
          municipality_code: town.istat_code,
          service_id: id,
          title_holder: a.titleHolder,
          title_holder_name: a.titleHolderName ?? (a.titleHolder === 'municipality' ? `Comune di ${town.name}` : a.titleHolder === 'union' ? 'Unione Reno Galliera' : null),
          delivery: a.delivery,
          function_mode: a.functionMode,
          notes: a.notes ?? null,
          updated_by: by,
        })
        .execute();
      const ids = (a.delivery === 'provider' ? (a.providers ?? []) : []).map(providerId).filter((p): p is string => p !== undefined);
      if (ids.length) {
        await trx
          .insertInto('service_arrangement_provider')
          .values(ids.map((provider_id) => ({ municipality_code: town.istat_code, service_id: id, provider_id })))
          .execute();
      }
    }
  }
}
