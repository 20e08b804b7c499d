import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { loadActor, createSession } from '../src/platform/auth/sessions.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db/database.ts';
import type { Tables } from '../src/platform/db/tables.ts';
import { getPerson } from '../src/features/registry/registry.service.ts';
import { features } from '../src/app.ts';
import { definePermissions } from '../src/platform/access/policy.ts';
import '../src/features/users/users.tables.ts';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Runs the service behind `GET /api/persons/:id` once, on the bench database, as the demo `sportello`
 * user, and returns every statement it sent (in order), as Kysely compiled them.
 */
export async function captureRead(url: string, personId: string): Promise<CapturedQuery[]> {
  // As buildServer does: the features declare which roles hold which permission.
  for (const feature of features) if (feature.permissions) definePermissions(feature.permissions);
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c TimeZone=UTC' });
  let recording = false;
  const captured: CapturedQuery[] = [];
  const db: Db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (!recording) return;
      const query: CompiledQuery = event.query;
      captured.push({ sql: query.sql, parameters: query.parameters });
    },
  });
  try {
    const config = loadConfig({ databaseUrl: url });
    const user = await db.selectFrom('app_user').select('id').where('username', '=', 'sportello').executeTakeFirstOrThrow();
    const { token } = await createSession(db, config, user.id, '127.0.0.1');
    const actor = await loadActor(db, config, token, { requestId: 'bench-capture', clientAddress: '127.0.0.1', purpose: null });
    if (!actor) throw new Error('could not load the sportello actor');
    // Once unrecorded, so that one-off work (the reference names loaded on first use) is left out.
    await getPerson(db, actor, personId);
    recording = true;
    await getPerson(db, actor, personId);
    recording = false;
    return captured;
  } finally {
    await db.destroy();
  }
}
