import { sql, type AliasableExpression } from 'kysely';
import type { Actor, ResolvedGrant } from '../../platform/access/actor.ts';
import { actingGrant, coversRecord, scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { AccessAction } from '../../platform/audit/access-log.schemas.ts';
import { writeAccessLog } from '../../platform/audit/access-log.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { normalizeFiscalCode } from './fiscal-code/fiscal-code.ts';
import { checkFiscalCode, requireValidFiscalCode } from './fiscal-code-check.ts';
import { PERSON_READ, PERSON_WRITE } from './permissions.ts';
import { scopedPersons, selectPersonDetail, selectPersonSummary, toColumns, toPerson, toSummary } from './person-row.ts';
import type {
  DuplicateCandidate,
  Person,
  PersonCheckResult,
  PersonInput,
  PersonSearchQuery,
  PersonSearchResult,
} from './registry.schemas.ts';

const personNotFound = () => notFound({ it: 'Persona non trovata nei territori di competenza.', en: 'Person not found in your territories.' });
const FISCAL_CODE_SHAPE = /^[A-Z0-9]{16}$/;
/** Trigram similarity above which a same-birth-date name counts as a likely duplicate. */
const DUPLICATE_SIMILARITY = 0.45;

const logPersons = (trx: Db, actor: Actor, scope: Scope, action: 'read' | 'search' | 'create' | 'update', rows: { id: string; municipality_code: string }[], recordType = 'person') =>
  writeAccessLog(
    trx,
    actor,
    scope,
    action,
    rows.map((row) => ({ personId: row.id, municipalityCode: row.municipality_code, recordType, recordId: row.id })),
  );

const ACCESS_LOG_COLUMNS = [
  'user_id',
  'role',
  'grant_id',
  'person_id',
  'municipality_code',
  'record_type',
  'record_id',
  'action',
  'purpose',
  'request_id',
  'client_address',
] as const;

/**
 * The grant actingGrant names for a person record, as SQL over its municipality column: the scope's
 * municipalities are grouped by the grant actingGrant picks for each, so the rule stays written once.
 */
function actingGrantOf(scope: Scope, municipalityColumn: string) {
  const fallback = actingGrant(scope, null);
  const codesByGrant = new Map<ResolvedGrant, string[]>();
  for (const code of scope.municipalityCodes) {
    const grant = actingGrant(scope, code);
    if (grant && grant !== fallback) codesByGrant.set(grant, [...(codesByGrant.get(grant) ?? []), code]);
  }
  const pick = (value: (grant: ResolvedGrant | undefined) => string | null, type: 'text' | 'uuid') => {
    const otherwise = sql`${value(fallback)}::${sql.raw(type)}`;
    if (codesByGrant.size === 0) return otherwise;
    const branches = [...codesByGrant].map(([grant, codes]) => sql`WHEN ${sql.ref(municipalityColumn)} = ANY(${codes}::text[]) THEN ${value(grant)}::${sql.raw(type)}`);
    return sql`CASE ${sql.join(branches, sql` `)} ELSE ${otherwise} END`;
  };
  return { role: pick((grant) => grant?.role ?? 'unknown', 'text'), grantId: pick((grant) => grant?.id ?? null, 'uuid') };
}

/**
 * The access-log rows of the persons in a CTE (columns id, municipality_code): what writeAccessLog
 * writes for them, computed by the database so that a read and its log are one statement.
 */
function accessLogRowsOf(cte: string, actor: Actor, scope: Scope, action: AccessAction) {
  const grant = actingGrantOf(scope, 'f.municipality_code');
  return sql`SELECT ${actor.userId}::uuid, ${grant.role}, ${grant.grantId}, f.id, f.municipality_code, 'person', f.id::text,
    ${action}::text, ${actor.purpose}::text, ${actor.requestId}::text, ${actor.clientAddress}::text
    FROM ${sql.table(cte)} AS f`;
}

/** Beyond this many matches the count stops: the desk is asked to narrow the search instead. */
export const SEARCH_TOTAL_CAP = 1000;

/** The folded name as a LIKE prefix pattern, its wildcards escaped. */
const prefixPattern = (name: string) => sql<string>`replace(replace(replace(trama_fold(${name}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
/** Folded names compare byte-wise, so the C-collation index serves both the prefix and the order. */
const nameKeyC = sql`p.name_key COLLATE "C"`;

export async function searchPersons(db: Db, actor: Actor, query: PersonSearchQuery): Promise<PersonSearchResult> {
  const scope = scopeFor(actor, PERSON_READ);
  const text = query.q?.trim() ?? '';
  const upper = normalizeFiscalCode(text);
  const fiscalCode = query.fiscalCode ? normalizeFiscalCode(query.fiscalCode) : FISCAL_CODE_SHAPE.test(upper) ? upper : undefined;
  const name = fiscalCode && !query.fiscalCode ? '' : text;
  if (!fiscalCode && name.length < 2 && !query.birthDate) {
    throw invalid('q', {
      it: 'Indicare almeno due lettere del nome, il codice fiscale o la data di nascita.',
      en: 'Give at least two letters of the name, the fiscal code or the birth date.',
    });
  }
  const filtered = () => {
    let select = scopedPersons(db, scope);
    if (fiscalCode) select = select.where('p.fiscal_code', '=', fiscalCode);
    if (query.birthDate) select = select.where('p.birth_date', '=', query.birthDate);
    if (query.municipalityCode) select = select.where('p.municipality_code', '=', query.municipalityCode);
    return select;
  };
  const byName = name.length >= 2;
  // Names that start with what was typed come first, in alphabetical order, read straight off the
  // index; the count stops at the cap, so a common surname costs no more than a rare one.
  const matching = () => (byName ? filtered().where(sql<boolean>`${nameKeyC} LIKE ${prefixPattern(name)}`) : filtered());
  const counted = db
    .selectFrom(matching().select(sql`1`.as('one')).limit(SEARCH_TOTAL_CAP + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
  const page = selectPersonSummary(matching())
    .orderBy(nameKeyC)
    .orderBy('p.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await readAndLog(db, actor, scope, page, counted.$asScalar());
  // A page past the end is empty and carries no count: ask for it alone.
  const startsWith = rows[0]?.total ?? (await counted.executeTakeFirstOrThrow()).n;
  let items = rows.map(toSummary);
  let total = startsWith;
  // No name starts that way (a typo, given name first): show similar names instead. Only then, so a
  // search never shows (and logs) more persons than the desk needs to see.
  if (byName && startsWith === 0 && query.page === 1) {
    const folded = sql<string>`trama_fold(${name})`;
    const similar = selectPersonSummary(filtered())
      .where(sql<boolean>`p.name_key % ${folded}`)
      .where(sql<boolean>`NOT (${nameKeyC} LIKE ${prefixPattern(name)})`)
      .orderBy(sql`similarity(p.name_key, ${folded})`, 'desc')
      .orderBy('p.id')
      .limit(query.pageSize);
    items = (await readAndLog(db, actor, scope, similar, sql<number>`0`)).map(toSummary);
    total = items.length;
  }
  return { items, total: Math.min(total, SEARCH_TOTAL_CAP), totalCapped: total > SEARCH_TOTAL_CAP, page: query.page, pageSize: query.pageSize };
}

type SummarySelect = ReturnType<typeof selectPersonSummary>;

/**
 * One statement: the persons a search shows, an access-log row for each, and the count, commit
 * together. The materialised CTE is read back in the order it was filled, the query's order.
 */
function readAndLog(db: Db, actor: Actor, scope: Scope, select: SummarySelect, total: AliasableExpression<number>) {
  return db
    .with((cte) => cte('found').materialized(), () => select)
    .with('logged', (qc) => qc.insertInto('access_log').columns(ACCESS_LOG_COLUMNS).expression(accessLogRowsOf('found', actor, scope, 'search')))
    .selectFrom('found')
    .selectAll()
    .select(total.as('total'))
    .execute();
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<Person> {
  const scope = scopeFor(actor, PERSON_READ);
  // One statement, so one round trip: the read and its access-log row commit together or not at all
  // (a data-modifying CTE runs in the statement's transaction), and no row found means no log row.
  const row = await db
    .with('found', () => selectPersonDetail(scopedPersons(db, scope)).where('p.id', '=', id))
    .with('logged', (qc) => qc.insertInto('access_log').columns(ACCESS_LOG_COLUMNS).expression(accessLogRowsOf('found', actor, scope, 'read')))
    .selectFrom('found')
    .selectAll()
    .executeTakeFirst();
  if (!row) throw personNotFound();
  return toPerson(db, row);
}

async function findDuplicates(trx: Db, scope: Scope, input: PersonInput, fiscalCode: string | null, excludeId?: string): Promise<DuplicateCandidate[]> {
  const folded = sql<string>`trama_fold(${`${input.familyName} ${input.givenName}`})`;
  let select = selectPersonSummary(scopedPersons(trx, scope))
    .select([
      sql<number>`similarity(p.name_key, ${folded})`.as('similarity'),
      sql<boolean>`p.fiscal_code IS NOT DISTINCT FROM ${fiscalCode} AND p.fiscal_code IS NOT NULL`.as('same_fiscal_code'),
    ])
    .where((eb) => {
      const sameFiscalCode = fiscalCode ? [eb('p.fiscal_code', '=', fiscalCode)] : [];
      const similarName = input.birthDate
        ? [eb.and([eb('p.birth_date', '=', input.birthDate), eb(sql`similarity(p.name_key, ${folded})`, '>=', DUPLICATE_SIMILARITY)])]
        : [];
      return eb.or([...sameFiscalCode, ...similarName, sql<boolean>`false`]);
    })
    .orderBy('similarity', 'desc')
    .limit(10);
  if (excludeId) select = select.where('p.id', '!=', excludeId);
  const rows = await select.execute();
  return rows.map((row) => ({
    ...toSummary(row),
    reason: row.same_fiscal_code ? 'fiscalCode' : 'nameAndBirthDate',
    similarity: Math.round(row.similarity * 100) / 100,
  }));
}

/** What the form shows while typing: fiscal-code validity and warnings, and likely duplicates. */
export async function checkPerson(db: Db, actor: Actor, input: PersonInput): Promise<PersonCheckResult> {
  const scope = scopeFor(actor, PERSON_READ);
  const fiscalCheck = await checkFiscalCode(db, input);
  const fiscalCode = fiscalCheck.status === 'valid' && input.fiscalCode ? normalizeFiscalCode(input.fiscalCode) : null;
  return db.transaction().execute(async (trx) => {
    const duplicates = await findDuplicates(trx, scope, input, fiscalCode);
    await logPersons(trx, actor, scope, 'search', duplicates.map((d) => ({ id: d.id, municipality_code: d.municipalityCode })));
    return { fiscalCode: fiscalCheck, duplicates };
  });
}

async function assertWritable(trx: Db, scope: Scope, input: PersonInput): Promise<void> {
  let areaMunicipality: string | null = null;
  if (input.areaId) {
    const area = await trx.selectFrom('area').select('municipality_code').where('id', '=', input.areaId).executeTakeFirst();
    if (!area || area.municipality_code !== input.municipalityCode) {
      throw invalid('person.areaId', { it: 'L’area non appartiene al comune indicato.', en: 'The area does not belong to the municipality given.' });
    }
    areaMunicipality = area.municipality_code;
  }
  if (!coversRecord(scope, input.municipalityCode, areaMunicipality ? (input.areaId ?? null) : null)) {
    throw new AppError('FORBIDDEN', {
      message: {
        it: 'Il comune di riferimento indicato non è tra i territori di competenza.',
        en: 'The municipality of reference given is not among your territories.',
      },
    });
  }
}

/** Stores the saved state as a numbered version, for the edit history. */
export async function recordPersonVersion(trx: Db, personId: string, userId: string): Promise<Person> {
  const row = await selectPersonDetail(trx.selectFrom('person as p')).where('p.id', '=', personId).executeTakeFirstOrThrow();
  const person = await toPerson(trx, row);
  const { fiscalCodeCheck: _check, createdAt: _c, updatedAt: _u, ...data } = person;
  await trx
    .insertInto('person_version')
    .values({ person_id: person.id, version: person.version, municipality_code: person.municipalityCode, data: JSON.stringify(data), changed_by: userId })
    .execute();
  return person;
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput, confirmDuplicates: boolean): Promise<Person> {
  const scope = scopeFor(actor, PERSON_WRITE);
  const fiscalCode = requireValidFiscalCode(input.fiscalCode);
  if (!confirmDuplicates) {
    const duplicates = await db.transaction().execute(async (trx) => {
      const found = await findDuplicates(trx, scopeFor(actor, PERSON_READ), input, fiscalCode);
      await logPersons(trx, actor, scope, 'search', found.map((d) => ({ id: d.id, municipality_code: d.municipalityCode })));
      return found;
    });
    if (duplicates.length > 0) throw new AppError('DUPLICATE_CANDIDATES', { data: { duplicates } });
  }
  return db.transaction().execute(async (trx) => {
    await assertWritable(trx, scope, input);
    const row = await trx
      .insertInto('person')
      .values({ ...toColumns(input, fiscalCode), created_by: actor.userId, updated_by: actor.userId })
      .returning(['id', 'municipality_code'])
      .executeTakeFirstOrThrow();
    await logPersons(trx, actor, scope, 'create', [row]);
    return recordPersonVersion(trx, row.id, actor.userId);
  });
}

export async function updatePerson(db: Db, actor: Actor, id: string, input: PersonInput, version: number): Promise<Person> {
  const scope = scopeFor(actor, PERSON_WRITE);
  const fiscalCode = requireValidFiscalCode(input.fiscalCode);
  const outcome = await db.transaction().execute(async (trx) => {
    const current = await scopedPersons(trx, scope).select(['p.id', 'p.version', 'p.municipality_code']).where('p.id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw personNotFound();
    if (current.version !== version) {
      const row = await selectPersonDetail(scopedPersons(trx, scope)).where('p.id', '=', id).executeTakeFirstOrThrow();
      await logPersons(trx, actor, scope, 'read', [row]);
      return { conflict: await toPerson(trx, row) };
    }
    await assertWritable(trx, scope, input);
    await trx
      .updateTable('person')
      .set({ ...toColumns(input, fiscalCode), version: version + 1, updated_at: sql`trama_now()`, updated_by: actor.userId })
      .where('id', '=', id)
      .execute();
    await logPersons(trx, actor, scope, 'update', [{ id, municipality_code: input.municipalityCode }]);
    return { saved: await recordPersonVersion(trx, id, actor.userId) };
  });
  if ('conflict' in outcome) throw new AppError('VERSION_CONFLICT', { data: { current: outcome.conflict } });
  return outcome.saved;
}
