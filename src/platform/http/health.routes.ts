import { sql } from 'kysely';
import { z } from 'zod';
import { PUBLIC } from '../access/policy.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { App, AppContext } from './feature.ts';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  engine: z.enum(['pglite', 'postgres']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.number().int(),
});

/** Readiness: the database answers and every migration is applied. */
export function healthRoutes(app: App, { database }: AppContext): void {
  app.get(
    '/health',
    { config: { permission: PUBLIC }, schema: { tags: ['platform'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(database.db);
        const pending = (await pendingMigrations(database)).length;
        const body = { status: pending === 0 ? 'ok' : 'unavailable', engine: database.engine, database: 'ok', pendingMigrations: pending } as const;
        return await reply.status(pending === 0 ? 200 : 503).send(body);
      } catch {
        return reply.status(503).send({ status: 'unavailable', engine: database.engine, database: 'unreachable', pendingMigrations: -1 });
      }
    },
  );
}
