import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Statements kept prepared per connection: enough for every query the app writes, bounded all the same. */
const MAX_NAMED = 2000;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED) return known;
  const name = `trama_${createHash('sha1').update(text).digest('base64url')}`;
  names.set(text, name);
  return name;
}

/**
 * Runs the queries Kysely sends (text + values) as named prepared statements, so PostgreSQL parses and
 * plans each query shape once per connection rather than on every request (the audited person read
 * spends as long in parse/plan as in execution). Other calls pass through unchanged.
 */
export function usePreparedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
        const name = nameOf(text);
        if (name) return query({ name, text, values });
      }
      return query(...args);
    };
  });
}
