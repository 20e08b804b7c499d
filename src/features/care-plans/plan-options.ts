import type { Db } from '../../platform/db/database.ts';
import type { CaseTerritory } from '../cases/case-access.ts';
import type { PlanOptions } from './care-plans.schemas.ts';
import './care-plans.tables.ts';

/** The services offered in the case's municipality with their deliverers, all providers, the case's team and persons. */
export async function planOptions(trx: Db, record: CaseTerritory): Promise<PlanOptions> {
  const services = await trx
    .selectFrom('service_arrangement as a')
    .innerJoin('service as v', 'v.id', 'a.service_id')
    .select(['v.id', 'v.code', 'v.name', 'v.unit', 'a.delivery'])
    .where('a.municipality_code', '=', record.municipality_code)
    .where('v.is_active', '=', true)
    .orderBy('v.code')
    .execute();
  const deliverers = await trx
    .selectFrom('service_arrangement_provider as ap')
    .innerJoin('provider_organisation as p', 'p.id', 'ap.provider_id')
    .select(['ap.service_id', 'p.id', 'p.name'])
    .where('ap.municipality_code', '=', record.municipality_code)
    .orderBy('p.name')
    .execute();
  const providers = await trx.selectFrom('provider_organisation').select(['id', 'name']).where('is_active', '=', true).orderBy('name').execute();
  const members = record.team_id
    ? await trx
        .selectFrom('team_member as tm')
        .innerJoin('app_user as u', 'u.id', 'tm.user_id')
        .select(['u.id', 'u.display_name'])
        .where('tm.team_id', '=', record.team_id)
        .orderBy('u.display_name')
        .execute()
    : [];
  const owner = await trx.selectFrom('app_user').select(['id', 'display_name']).where('id', '=', record.owner_id).executeTakeFirstOrThrow();
  const persons = await trx
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('cp.case_id', '=', record.id)
    .orderBy('p.family_name')
    .execute();
  const team = [owner, ...members.filter((m) => m.id !== owner.id)];
  return {
    services: services.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      unit: s.unit,
      direct: s.delivery === 'direct',
      providers: deliverers.filter((d) => d.service_id === s.id).map((d) => ({ id: d.id, name: d.name })),
    })),
    providers,
    teamMembers: team.map((u) => ({ id: u.id, displayName: u.display_name })),
    persons: persons.map((p) => ({ personId: p.id, name: `${p.given_name} ${p.family_name}` })),
  };
}
