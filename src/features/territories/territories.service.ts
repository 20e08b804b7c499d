import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Area, AreaInput, ForeignCountry, Municipality, TerritoryGroup, TerritoryGroupInput } from './territories.schemas.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './territories.tables.ts';

const toMunicipality = (row: {
  istat_code: string;
  belfiore: string;
  name: string;
  province_code: string;
  region: string;
  population: number;
}): Municipality => ({
  istatCode: row.istat_code,
  belfiore: row.belfiore,
  name: row.name,
  provinceCode: row.province_code,
  region: row.region,
  population: row.population,
});

export async function listMunicipalities(db: Db, query: { q?: string | undefined; codes?: string | undefined; limit: number }) {
  let select = db
    .selectFrom('municipality')
    .select(['istat_code', 'belfiore', 'name', 'province_code', 'region', 'population'])
    .limit(query.limit);
  if (query.codes) select = select.where('istat_code', 'in', query.codes.split(',').map((c) => c.trim()).filter(Boolean));
  if (query.q) {
    const folded = sql<string>`trama_fold(${query.q})`;
    // Names starting with the text come first, then the most similar.
    select = select
      .where((eb) => eb.or([eb('name_key', 'like', sql<string>`${folded} || '%'`), sql<boolean>`name_key % ${folded}`]))
      .orderBy(sql`name_key like ${folded} || '%'`, 'desc')
      .orderBy(sql`similarity(name_key, ${folded})`, 'desc');
  }
  return (await select.orderBy('name').execute()).map(toMunicipality);
}

export async function listForeignCountries(db: Db, q?: string): Promise<ForeignCountry[]> {
  let select = db.selectFrom('foreign_country').select(['code', 'name_it', 'name_en', 'iso2']).orderBy('name_it');
  if (q) {
    const pattern = `%${q}%`;
    select = select.where((eb) => eb.or([eb('name_it', 'ilike', pattern), eb('name_en', 'ilike', pattern), eb('code', '=', q.toUpperCase())]));
  }
  const rows = await select.execute();
  return rows.map((r) => ({ code: r.code, nameIt: r.name_it, nameEn: r.name_en, iso2: r.iso2 }));
}

export async function listGroups(db: Db, id?: string): Promise<TerritoryGroup[]> {
  let select = db
    .selectFrom('territory_group as g')
    .leftJoin('territory_group_member as gm', 'gm.group_id', 'g.id')
    .leftJoin('municipality as m', 'm.istat_code', 'gm.municipality_code')
    .select(['g.id', 'g.kind', 'g.name', 'm.istat_code', 'm.name as municipality_name', 'm.population'])
    .orderBy('g.kind')
    .orderBy('g.name')
    .orderBy('m.name');
  if (id) select = select.where('g.id', '=', id);
  const rows = await select.execute();
  const groups = new Map<string, TerritoryGroup>();
  for (const row of rows) {
    const group = groups.get(row.id) ?? { id: row.id, kind: row.kind, name: row.name, municipalities: [], population: 0 };
    if (row.istat_code && row.municipality_name) {
      group.municipalities.push({ istatCode: row.istat_code, name: row.municipality_name, population: row.population ?? 0 });
      group.population += row.population ?? 0;
    }
    groups.set(row.id, group);
  }
  return [...groups.values()];
}

async function getGroup(db: Db, id: string): Promise<TerritoryGroup> {
  const [group] = await listGroups(db, id);
  if (!group) throw notFound({ it: 'Unione o distretto non trovato.', en: 'Union or district not found.' });
  return group;
}

async function setMembers(trx: Db, groupId: string, codes: string[]): Promise<void> {
  await trx.deleteFrom('territory_group_member').where('group_id', '=', groupId).execute();
  await trx
    .insertInto('territory_group_member')
    .values([...new Set(codes)].map((code) => ({ group_id: groupId, municipality_code: code })))
    .execute();
}

/** A Union or District as the administration trail keeps it; its members are the territory of the change. */
const groupRecord = (group: TerritoryGroup) => ({ kind: group.kind, name: group.name, municipalityCodes: group.municipalities.map((m) => m.istatCode) });

export async function createGroup(db: Db, actor: Actor, input: TerritoryGroupInput): Promise<TerritoryGroup> {
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('territory_group').values({ kind: input.kind, name: input.name }).returning('id').executeTakeFirstOrThrow();
    await setMembers(trx, row.id, input.municipalityCodes);
    const after = groupRecord(await getGroup(trx, row.id));
    await recordAdminChange(trx, actor, { entityType: 'territory_group', entityId: row.id, action: 'create', after, municipalityCodes: after.municipalityCodes });
    return row.id;
  });
  return getGroup(db, id);
}

export async function updateGroup(db: Db, actor: Actor, id: string, input: TerritoryGroupInput): Promise<TerritoryGroup> {
  await db.transaction().execute(async (trx) => {
    const before = groupRecord(await getGroup(trx, id));
    await trx.updateTable('territory_group').set({ kind: input.kind, name: input.name }).where('id', '=', id).execute();
    await setMembers(trx, id, input.municipalityCodes);
    const after = groupRecord(await getGroup(trx, id));
    await recordAdminChange(trx, actor, {
      entityType: 'territory_group',
      entityId: id,
      action: 'update',
      before,
      after,
      municipalityCodes: [...before.municipalityCodes, ...after.municipalityCodes],
    });
  });
  return getGroup(db, id);
}

export async function listAreas(db: Db, municipalityCode?: string): Promise<Area[]> {
  let select = db.selectFrom('area').select(['id', 'municipality_code', 'name']).orderBy('municipality_code').orderBy('name');
  if (municipalityCode) select = select.where('municipality_code', '=', municipalityCode);
  return (await select.execute()).map((r) => ({ id: r.id, municipalityCode: r.municipality_code, name: r.name }));
}

export async function createArea(db: Db, actor: Actor, input: AreaInput): Promise<Area> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('area')
      .values({ municipality_code: input.municipalityCode, name: input.name })
      .returning(['id', 'municipality_code', 'name'])
      .executeTakeFirstOrThrow();
    const area = { id: row.id, municipalityCode: row.municipality_code, name: row.name };
    await recordAdminChange(trx, actor, { entityType: 'area', entityId: row.id, action: 'create', after: area, municipalityCodes: [row.municipality_code] });
    return area;
  });
}
