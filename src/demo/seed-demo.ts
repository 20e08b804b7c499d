import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { clock } from '../platform/time/clock.ts';
import { dayInRome } from '../platform/time/rome.ts';
import { generatePersons } from '../features/registry/demo/person-generator.ts';
import { recordPersonVersion } from '../features/registry/registry.service.ts';
import { featureDemos, type DemoContext } from './feature-demos.ts';
import { BOLOGNA_QUARTIERI, DEMO_PASSWORD, DEMO_USERS, PIANURA_EST, RENO_GALLIERA } from './demo-territory.ts';
import '../features/territories/territories.tables.ts';
import '../features/users/users.tables.ts';
import '../features/registry/registry.tables.ts';

async function municipalitiesNamed(db: Db, names: string[]) {
  const rows = await db
    .selectFrom('municipality')
    .select(['istat_code', 'belfiore', 'name', 'population'])
    .where('province_code', '=', 'BO')
    .where('name', 'in', names)
    .execute();
  const missing = names.filter((name) => !rows.some((row) => row.name === name));
  if (missing.length) throw new Error(`Demo municipalities not found in comuni.json: ${missing.join(', ')}`);
  return rows;
}

export async function isSeeded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst());
}

/**
 * A demo Union with one user per role and a few hundred realistic persons, and a year of their story ending
 * `now` (Trama's clock by default). Does nothing when already seeded.
 */
export async function seedDemo(db: Db, options: { persons?: number; seed?: number; now?: Date } = {}): Promise<boolean> {
  if (await isSeeded(db)) return false;
  const union = await municipalitiesNamed(db, RENO_GALLIERA);
  const district = await municipalitiesNamed(db, PIANURA_EST);
  const [bologna] = await municipalitiesNamed(db, ['Bologna']);
  const birthPlaces = await db
    .selectFrom('municipality')
    .select(['belfiore', 'istat_code'])
    .where('region', 'in', ['Emilia-Romagna', 'Campania', 'Sicilia', 'Puglia', 'Calabria', 'Veneto', 'Lombardia'])
    .where('population', '>', 20000)
    .execute();
  const countries = await db.selectFrom('foreign_country').select(['code', 'iso2']).execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = options.now ?? clock.now();

  await db.transaction().execute(async (trx) => {
    const addGroup = async (kind: 'union' | 'district', name: string, codes: string[]) => {
      const group = await trx.insertInto('territory_group').values({ kind, name }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('territory_group_member').values(codes.map((code) => ({ group_id: group.id, municipality_code: code }))).execute();
      return group.id;
    };
    const unionId = await addGroup('union', 'Unione Reno Galliera', union.map((m) => m.istat_code));
    const districtId = await addGroup('district', 'Distretto Pianura Est', district.map((m) => m.istat_code));
    if (bologna) {
      await trx.insertInto('area').values(BOLOGNA_QUARTIERI.map((name) => ({ municipality_code: bologna.istat_code, name }))).execute();
    }
    const castelMaggiore = union.find((m) => m.name === 'Castel Maggiore') ?? union[0];
    if (!castelMaggiore) throw new Error('Demo union is empty');
    const territoryOf = { union: unionId, district: districtId, municipality: castelMaggiore.istat_code } as const;
    const userIds: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const row = await trx
        .insertInto('app_user')
        .values({ username: user.username, display_name: user.displayName, email: `${user.username}@renogalliera.example.it`, password_hash: passwordHash, last_login_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[user.username] = row.id;
      await trx
        .insertInto('user_grant')
        .values({ user_id: row.id, role: user.role, territory_kind: user.territory, territory_id: territoryOf[user.territory] })
        .execute();
    }
    // An admin manages grants only inside its own territory: the demo's admin also runs Bologna, whose
    // quartieri the demo lays out as sub-municipal areas.
    if (bologna && userIds.admin) {
      await trx.insertInto('user_grant').values({ user_id: userIds.admin, role: 'admin', territory_kind: 'municipality', territory_id: bologna.istat_code }).execute();
    }
    const team = await trx.insertInto('team').values({ name: 'Équipe adulti e anziani', municipality_code: castelMaggiore.istat_code }).returning('id').executeTakeFirstOrThrow();
    const members = ['assistente', 'assistente2', 'responsabile'].flatMap((name) => (userIds[name] ? [{ team_id: team.id, user_id: userIds[name] }] : []));
    await trx.insertInto('team_member').values(members).execute();

    const registrar = userIds.sportello ?? null;
    const people = [
      ...generatePersons({
        count: options.persons ?? 300,
        seed: options.seed ?? 20261125,
        homeMunicipalities: union.map((m) => ({ istatCode: m.istat_code, belfiore: m.belfiore, name: m.name, population: m.population })),
        birthMunicipalities: birthPlaces.map((m) => ({ belfiore: m.belfiore, istatCode: m.istat_code })),
        foreignCountries: countries,
      }),
    ];
    const inserted = await trx
      .insertInto('person')
      .values(
        people.map((p) => ({
          municipality_code: p.municipalityCode,
          family_name: p.familyName,
          given_name: p.givenName,
          sex: p.sex,
          birth_date: p.birthDate,
          birth_place_code: p.birthPlaceCode,
          fiscal_code: p.fiscalCode,
          citizenship: p.citizenship,
          residence_municipality_code: p.municipalityCode,
          residence_address: p.residenceAddress,
          phone: p.phone,
          email: p.email,
          preferred_language: p.preferredLanguage,
          created_by: registrar,
          updated_by: registrar,
        })),
      )
      .returning('id')
      .execute();
    if (registrar) for (const row of inserted) await recordPersonVersion(trx, row.id, registrar);
    await sql`ANALYZE person`.execute(trx);
    const context: DemoContext = {
      unionCodes: union.map((m) => m.istat_code),
      homeMunicipalityCode: castelMaggiore.istat_code,
      userIds,
      personIds: inserted.map((row) => row.id),
      seed: options.seed ?? 20261125,
      now,
      today: dayInRome(now),
    };
    for (const demo of featureDemos) await demo(trx, context);
  });
  return true;
}
