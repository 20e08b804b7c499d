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

/** The message node-postgres gives when no connection frees up in time: the error handler maps both engines' alike. */
export const POOL_WAIT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * Presents one PGlite instance as a node-postgres pool, so Kysely's PostgresDialect drives both engines.
 * PGlite has a single connection: `connect()` hands it out one holder at a time, which keeps a
 * transaction's statements together. A holder that waits longer than `waitMs` gives up with node-postgres's
 * timeout error (and its place in the queue passes on), instead of waiting forever behind a long transaction.
 */
export function pgliteAsPool(db: PGlite, waitMs?: number) {
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  return {
    get waitingCount(): number {
      return waiting;
    },
    async connect(timeoutMs = waitMs): Promise<PoolClient> {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      waiting += 1;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        previous.then(() => false),
        ...(timeoutMs ? [new Promise<boolean>((resolve) => (timer = setTimeout(() => { resolve(true); }, timeoutMs)))] : []),
      ]).finally(() => {
        waiting -= 1;
        clearTimeout(timer);
      });
      if (gaveUp) {
        // Never held: the next in line gets the connection as soon as the one before us lets it go.
        void previous.then(release);
        throw new Error(POOL_WAIT_MESSAGE);
      }
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
