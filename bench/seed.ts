import cliProgress from 'cli-progress';
import pg from 'pg';
import { prepareDatabase } from '../src/app.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { generatePersons, type DemoPerson } from '../src/features/registry/demo/person-generator.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { databaseUrl, type BenchConfig } from './config.ts';

const BATCH = 5_000;
/** Two loaders keep both of PostgreSQL's cores busy while Node generates the next batch. */
const LOADERS = 2;
const PERSON_SEED = 1_000_003;

export interface SeedResult {
  persons: number;
  /** Inserting the rows (secondary indexes dropped). */
  loadSeconds: number;
  /** Re-creating the secondary indexes of person. */
  indexSeconds: number;
  /** VACUUM ANALYZE of the tables touched. */
  analyzeSeconds: number;
  /** Everything from CREATE DATABASE to the end of ANALYZE. */
  totalSeconds: number;
  /** persons / (load + index) seconds. */
  rowsPerSecond: number;
  loadRowsPerSecond: number;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

async function recreateDatabase(config: BenchConfig): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl(config.serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${config.databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${config.databaseName}`);
  } finally {
    await admin.end();
  }
}

/** Columns filled from unnest(...) arrays, in order, with their array types. */
const COLUMNS = [
  ['municipality_code', 'text'],
  ['family_name', 'text'],
  ['given_name', 'text'],
  ['sex', 'text'],
  ['birth_date', 'date'],
  ['birth_place_code', 'text'],
  ['fiscal_code', 'text'],
  ['citizenship', 'text'],
  ['residence_address', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['preferred_language', 'text'],
] as const;

const INSERT_SQL = `INSERT INTO person (${COLUMNS.map(([name]) => name).join(', ')}, residence_municipality_code, created_by, updated_by)
  SELECT u.*, u.municipality_code, $${COLUMNS.length + 1}::uuid, $${COLUMNS.length + 1}::uuid
  FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
    AS u(${COLUMNS.map(([name]) => name).join(', ')})`;

function toArrays(batch: DemoPerson[]): (string | null)[][] {
  const arrays: (string | null)[][] = COLUMNS.map(() => new Array<string | null>(batch.length));
  batch.forEach((p, i) => {
    const values = [
      p.municipalityCode,
      p.familyName,
      p.givenName,
      p.sex,
      p.birthDate,
      p.birthPlaceCode,
      p.fiscalCode,
      p.citizenship,
      p.residenceAddress,
      p.phone,
      p.email,
      p.preferredLanguage,
    ];
    values.forEach((value, column) => {
      arrays[column]![i] = value;
    });
  });
  return arrays;
}

/**
 * A fresh database: migrations and reference data (prepareDatabase), the demo Union (seedDemo), then
 * `config.persons` generated persons spread over the Union's municipalities, then VACUUM ANALYZE.
 */
export async function seedBenchDatabase(config: BenchConfig): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const url = databaseUrl(config.serverUrl, config.databaseName);
  await recreateDatabase(config);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const appConfig = loadConfig({ databaseUrl: url });
  try {
    await prepareDatabase({ database, config: appConfig });
    await seedDemo(database.db);
  } finally {
    await database.close();
  }

  const clients = Array.from({ length: LOADERS }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((client) => client.connect()));
  const [main] = clients as [pg.Client, ...pg.Client[]];
  try {
    const union = await main.query<{ istat_code: string; belfiore: string; name: string; population: number }>(
      `SELECT m.istat_code, m.belfiore, m.name, m.population
       FROM territory_group g JOIN territory_group_member gm ON gm.group_id = g.id JOIN municipality m ON m.istat_code = gm.municipality_code
       WHERE g.kind = 'union' AND g.name = 'Unione Reno Galliera' ORDER BY m.istat_code`,
    );
    // The same birth places seedDemo uses.
    const birthPlaces = await main.query<{ belfiore: string; istat_code: string }>(
      `SELECT belfiore, istat_code FROM municipality
       WHERE region IN ('Emilia-Romagna', 'Campania', 'Sicilia', 'Puglia', 'Calabria', 'Veneto', 'Lombardia') AND population > 20000`,
    );
    const countries = await main.query<{ code: string; iso2: string }>(`SELECT code, iso2 FROM foreign_country`);
    const registrar = await main.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'sportello'`);
    const registrarId = registrar.rows[0]?.id ?? null;

    // Bulk load: drop the secondary indexes of person, load, re-create them from their saved definitions.
    const indexes = await main.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = 'person'::regclass AND NOT i.indisprimary AND NOT i.indisunique`,
    );
    for (const index of indexes.rows) await main.query(`DROP INDEX ${index.name}`);
    for (const client of clients) await client.query(`SET synchronous_commit = off`);

    const loadStarted = process.hrtime.bigint();
    const bar = new cliProgress.SingleBar(
      {
        format: 'persons {bar} {percentage}% | {value}/{total} | {rate} rows/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        // Without a terminal (CI logs), a line every 5 s instead of a redrawn bar.
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(config.persons, 0, { rate: 0 });
    const people = generatePersons({
      count: config.persons,
      seed: PERSON_SEED,
      homeMunicipalities: union.rows.map((m) => ({ istatCode: m.istat_code, belfiore: m.belfiore, name: m.name, population: m.population })),
      birthMunicipalities: birthPlaces.rows.map((m) => ({ belfiore: m.belfiore, istatCode: m.istat_code })),
      foreignCountries: countries.rows,
    });
    let loaded = 0;
    const idle = [...clients];
    const inFlight = new Set<Promise<void>>();
    let batch: DemoPerson[] = [];
    const send = async (rows: DemoPerson[]) => {
      while (idle.length === 0) await Promise.race(inFlight);
      const client = idle.pop()!;
      const task = client
        .query(INSERT_SQL, [...toArrays(rows), registrarId])
        .then(() => {
          loaded += rows.length;
          bar.update(loaded, { rate: Math.round(loaded / seconds(loadStarted)) });
        })
        .finally(() => {
          idle.push(client);
          inFlight.delete(task);
        });
      inFlight.add(task);
    };
    for (const person of people) {
      batch.push(person);
      if (batch.length === BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length) await send(batch);
    await Promise.all(inFlight);
    bar.stop();
    const loadSeconds = seconds(loadStarted);

    const indexStarted = process.hrtime.bigint();
    await main.query(`SET maintenance_work_mem = '512MB'`);
    // Two builds at once: GIN builds are single-threaded in PostgreSQL 15.
    const queue = [...indexes.rows];
    await Promise.all(
      clients.map(async (client) => {
        await client.query(`SET maintenance_work_mem = '512MB'`);
        for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
      }),
    );
    const indexSeconds = seconds(indexStarted);

    const analyzeStarted = process.hrtime.bigint();
    await main.query(`VACUUM (ANALYZE) person`);
    await main.query(`ANALYZE`);
    const analyzeSeconds = seconds(analyzeStarted);
    return {
      persons: loaded,
      loadSeconds,
      indexSeconds,
      analyzeSeconds,
      totalSeconds: seconds(started),
      rowsPerSecond: loaded / (loadSeconds + indexSeconds),
      loadRowsPerSecond: loaded / loadSeconds,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
