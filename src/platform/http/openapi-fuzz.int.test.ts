import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Every operation of the served OpenAPI document, called with generated input — shaped like its schema,
 * or hostile (wrong types, NUL, lone surrogates, huge numbers and texts, unknown fields) — as a front-desk
 * user, a social worker and an admin: no answer may be a 5xx. The seed is fixed, so a failure is
 * reproducible; the failing requests are all listed at once.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  const?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SEED = 20261207;
const RUNS_PER_OPERATION = 25;
/** Operations that end the fuzzing user's own session: called, they would only turn the rest into 401s. */
const SESSION_ENDERS = new Set(['POST /api/auth/logout', 'POST /api/auth/lock', 'POST /api/users/{id}/revoke-sessions']);
/** The first segment of a path → the table whose ids make that path reach real records. */
const TABLE_OF: Record<string, string> = {
  cases: 'case_record',
  persons: 'person',
  users: 'app_user',
  teams: 'team',
  households: 'household',
  services: 'service',
  providers: 'provider_organisation',
  accesses: 'access_record',
  intake: 'intake_item',
  appointments: 'appointment',
  offices: 'office',
  rooms: 'room',
  'payment-lists': 'payment_list',
  provider: 'intervention',
};

const hostileString = fc.constantFrom(
  'a\u0000b',
  '\uD800',
  'x'.repeat(70_000),
  "'; DROP TABLE person; --",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  '',
  ' ',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '2027-02-30',
  '0000-00-00',
  '275760-09-13T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  '😀'.repeat(50),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, 0.5, [], {}, [null], { __proto__: { a: 1 } }),
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A calendar-looking day: mostly real days, sometimes one that does not exist (31 April, 30 February). */
const dayText = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`);

function stringShaped(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return fc.oneof(dayText, fc.constantFrom('2028-02-29', '2027-02-29', '9999-12-31', '0001-01-01'));
  if (schema.format === 'date-time') {
    return fc
      .tuple(dayText, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+01:00', '+14:00'))
      .map(([day, hour, minute, zone]) => `${day}T${pad(hour)}:${pad(minute)}:00${zone}`);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function numberShaped(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const edges = fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 2 ** 31 - 1, 2 ** 31, 2 ** 53, -1);
  const inside = integer
    ? fc.integer({ min: Math.max(schema.minimum ?? -1e6, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9) })
    : fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(inside, edges);
}

/** A value shaped like the schema, where any node may be hostile instead. */
function valueFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shapedValue(schema, depth), weight: 7 }, { arbitrary: hostile, weight: 1 });
}

function shapedValue(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => shapedValue(choice, depth)));
  if (schema.allOf?.length) return shapedValue(Object.assign({}, ...schema.allOf) as Schema, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth > 4) return fc.constant(null);
  switch (type) {
    case 'string':
      // A hostile text where a text belongs passes the type check and goes deeper.
      return fc.oneof({ arbitrary: stringShaped(schema), weight: 3 }, { arbitrary: hostileString, weight: 1 });
    case 'integer':
      return numberShaped(schema, true);
    case 'number':
      return numberShaped(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, valueFor(value, depth + 1)]));
      const record = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      // Sometimes a field the schema does not know.
      return fc.tuple(record, fc.option(fc.constantFrom('isAdmin', 'role', 'id', 'createdBy'), { freq: 4 })).map(([value, extra]) => (extra ? { ...value, [extra]: true } : value));
    }
    case undefined:
    default:
      return hostile;
  }
}

/** A free text (no enumeration, pattern or format): where a hostile text is still well typed. */
function isFreeText(schema: Schema): boolean {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return choices.some(isFreeText);
  return schema.type === 'string' && !schema.enum && !schema.pattern && !schema.format;
}

/** The value with every free text the schema allows replaced by `text`: each hostile text meets every field at once. */
function withText(schema: Schema, value: unknown, text: string): unknown {
  if (typeof value === 'string') return isFreeText(schema) ? text : value;
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf ?? [schema];
  if (Array.isArray(value)) {
    const items = branches.find((branch) => branch.items)?.items;
    return items ? value.map((item) => withText(items, item, text)) : value;
  }
  if (value && typeof value === 'object') {
    const properties = Object.assign({}, ...branches.map((branch) => branch.properties ?? {})) as Record<string, Schema>;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, properties[key] ? withText(properties[key], item, text) : item]));
  }
  return value;
}

const HOSTILE_TEXTS = fc.sample(hostileString, { seed: 1, numRuns: 200 }).filter((text, index, all) => all.indexOf(text) === index);

interface Call {
  method: Method;
  template: string;
  operation: Operation;
}

function operationsOf(document: { paths: Record<string, Record<string, Operation>> }): Call[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase() as Method, template, operation })),
  );
}

describe('the OpenAPI document fuzzed: no input makes the server answer 5xx', () => {
  let t: TestApp;
  let calls: Call[];
  const realIds = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestApp();
    calls = operationsOf((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    for (const table of new Set(Object.values(TABLE_OF))) {
      const rows = await sql<{ id: string }>`SELECT id::text AS id FROM ${sql.table(table)} ORDER BY id LIMIT 5`.execute(t.database.db);
      realIds.set(table, rows.rows.map((row) => row.id));
    }
  }, 120_000);
  afterAll(() => t.close());

  /** Path parameters: often a real record of the path's kind (so the request goes deep), else generated. */
  function pathValue(call: Call, parameter: Parameter): fc.Arbitrary<unknown> {
    const table = TABLE_OF[call.template.split('/')[2] ?? ''];
    const ids = parameter.name === 'id' && table ? realIds.get(table) ?? [] : [];
    const generated = valueFor(parameter.schema);
    return ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 2 }, { arbitrary: generated, weight: 1 }) : generated;
  }

  function requestFor(call: Call) {
    const parameters = call.operation.parameters ?? [];
    const path = fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(call, p)])));
    const query = fc.record(
      Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.schema)])),
      { requiredKeys: [] },
    );
    const bodySchema = call.operation.requestBody?.content['application/json']?.schema;
    const body = bodySchema ? valueFor(bodySchema) : fc.constant(undefined);
    return fc.record({ path, query, body });
  }

  /** Percent-encodes like a browser, and a lone surrogate as the invalid UTF-8 bytes a hostile client sends. */
  const encode = (value: unknown) =>
    Array.from(typeof value === 'string' ? value : JSON.stringify(value ?? null), (char) => (/[\uD800-\uDFFF]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');

  function urlOf(template: string, path: Record<string, unknown>, query: Record<string, unknown>): string {
    const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => encode(path[name]));
    const search = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${encode(value)}`)
      .join('&');
    return search ? `${filled}?${search}` : filled;
  }

  for (const username of ['sportello', 'assistente', 'admin']) {
    it(`as ${username}`, async () => {
      let client: Client = await login(t.app, username);
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      for (const [index, call] of calls.entries()) {
        if (SESSION_ENDERS.has(`${call.method} ${call.template}`)) continue;
        const parameters = call.operation.parameters ?? [];
        const bodySchema = call.operation.requestBody?.content['application/json']?.schema ?? {};
        const random = fc.sample(requestFor(call), { seed: SEED + index, numRuns: RUNS_PER_OPERATION });
        // Then each hostile text in every free-text field, parameter and query of one generated request.
        const textual = HOSTILE_TEXTS.map((text) => {
          const base = random[0]!;
          const swap = (where: 'path' | 'query', values: Record<string, unknown>) =>
            Object.fromEntries(
              parameters
                .filter((p) => p.in === where)
                .map((p) => [p.name, isFreeText(p.schema) ? text : values[p.name]] as const)
                .filter(([, value]) => value !== undefined),
            );
          return { path: swap('path', base.path), query: swap('query', base.query), body: withText(bodySchema, base.body, text) };
        });
        const samples = [...random, ...textual];
        for (const sample of samples) {
          const url = urlOf(call.template, sample.path, sample.query);
          // Login attempts come from another address, so their failures never throttle the fuzzing user.
          const response =
            call.template === '/api/auth/login'
              ? await t.app.inject({ method: 'POST', url, payload: sample.body as object, remoteAddress: '203.0.113.9' })
              : await client.request(call.method, url, sample.body);
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          if (response.statusCode >= 500) {
            failures.push(`${response.statusCode} ${call.method} ${url.slice(0, 200)} ${JSON.stringify(sample.body ?? null).slice(0, 300)}`);
          }
          // A fuzzed password change or a refused unlock may end the session: sign in again and go on.
          if (response.statusCode === 401 || response.statusCode === 423) client = await login(t.app, username);
        }
      }
      expect(failures).toEqual([]);
      // The fuzz went past the gate: a good share of the calls were served, not all refused.
      const served = Object.entries(statuses).filter(([status]) => Number(status) < 300).reduce((sum, [, count]) => sum + count, 0);
      expect(served).toBeGreaterThan(40);
    }, 600_000);
  }
});
