import type { PGlite } from '@electric-sql/pglite';

interface PoolClient {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number; command: string }>;
  exec(sql: string): Promise<void>;
  release(): void;
}

/** First keyword of a statement, as node-postgres reports it in `command` (Kysely reads it for affected rows). */
function commandOf(sql: string): string {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql);
  return (match?.[1] ?? '').toUpperCase();
}

/**
 * Presents one PGlite instance as a node-postgres pool, so Kysely's PostgresDialect drives both engines.
 * PGlite has a single connection: `connect()` hands it out one holder at a time, which keeps a
 * transaction's statements together.
 */
export function pgliteAsPool(db: PGlite) {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PoolClient> {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      return {
        async query(sql, params) {
          const result = await db.query(sql, params ? [...params] : []);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command: commandOf(sql) };
        },
        async exec(sql) {
          await db.exec(sql);
        },
        release,
      };
    },
    async end(): Promise<void> {
      await tail;
      await db.close();
    },
  };
}
