import { sql } from 'kysely';
import type { Database } from './database.ts';

/** PostgreSQL role names as `CREATE ROLE` takes them unquoted: the grant statements cannot bind parameters. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives the role the server runs as (not the owner of the tables, never a superuser) exactly what the
 * application needs, after migrations ran as the owner: read and write the tables, except the append-only
 * ones (a table whose comment starts with "Append-only", e.g. the access log), which it may only read and
 * add to, and whose partitions it may not touch at all. Without ownership the role cannot disable the
 * triggers that guard history, alter or drop tables, or create new ones; new access-log partitions come
 * from the owner's SECURITY DEFINER function access_log_prepare_partitions, which the role may call. Run again after every migration (`trama migrate` does).
 */
export async function grantApplicationRole(database: Database, role: string): Promise<{ appendOnly: string[] }> {
  if (!ROLE_NAME.test(role)) throw new Error(`TRAMA_DATABASE_APP_ROLE "${role}" is not a plain PostgreSQL role name (a-z, 0-9, _)`);
  if (database.engine !== 'postgres') throw new Error('TRAMA_DATABASE_APP_ROLE applies to a PostgreSQL server, not to the embedded database');
  const appendOnly = (
    await sql<{ name: string }>`
      SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND obj_description(c.oid, 'pg_class') ILIKE 'append-only%'
      ORDER BY 1`.execute(database.db)
  ).rows.map((row) => row.name);
  // Partitions of an append-only table (the access log's months) are reached through their parent only: the
  // role gets nothing on them directly (GRANT … ON ALL TABLES below would give it UPDATE and DELETE).
  const partitions = (
    await sql<{ name: string }>`
      SELECT c.relname AS name
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
      WHERE n.nspname = 'public' AND p.relname = ANY(${appendOnly}::text[])
      ORDER BY 1`.execute(database.db)
  ).rows.map((row) => row.name);
  const revoke = [
    ...appendOnly.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "${table}" FROM ${role};`),
    ...partitions.map((table) => `REVOKE ALL ON TABLE "${table}" FROM ${role};`),
  ].join('\n');
  await database.exec(`
    BEGIN;
    REVOKE CREATE ON SCHEMA public FROM ${role};
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role};
    ${revoke}
    COMMIT;`);
  return { appendOnly };
}

/** What the connected role may do beyond the application's needs: told to the operator at start. */
export async function excessPrivileges(database: Database): Promise<string[]> {
  if (database.engine !== 'postgres') return [];
  const { rows } = await sql<{ superuser: boolean; owns: boolean }>`
    SELECT r.rolsuper AS superuser,
      EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relname = 'access_log' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns
    FROM pg_roles r WHERE r.rolname = current_user`.execute(database.db);
  const found: string[] = [];
  if (rows[0]?.superuser) found.push('superuser');
  if (rows[0]?.owns) found.push('owner of the tables');
  return found;
}
