import fs from 'node:fs';
import { z } from 'zod';
import { AppError, type Bilingual } from '../http/errors.ts';
import { appPath } from '../app-root.ts';

/**
 * The first member of every backup archive: what it holds and how to check it. Restore verifies the
 * sha256 of every member against it before touching anything, and the row count of every table after.
 */

/** A member's name inside the archive: the database, or a file of the documents folder below `documents/`. */
const memberName = z
  .string()
  .regex(/^(database\.dump|pglite\.tar\.gz|documents\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)$/u)
  .refine((name) => !name.split('/').some((part) => part === '.' || part === '..'), 'no . or .. in a member name');

export const Manifest = z.object({
  format: z.literal('trama-backup'),
  formatVersion: z.literal(1),
  engine: z.enum(['pglite', 'postgres']),
  tramaVersion: z.string(),
  createdAt: z.string(),
  /** Migrations applied in the database when it was saved (schema_migration). */
  migrations: z.array(z.string()),
  /** Rows per table of the public schema, counted in the same snapshot the dump was taken from. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** Whether the documents folder (TRAMA_DOCUMENTS_DIR) was set, hence saved, and how many files it had. */
  documents: z.object({ included: z.boolean(), files: z.number().int().nonnegative() }),
  files: z.array(z.object({ name: memberName, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/u) })),
});
export type Manifest = z.infer<typeof Manifest>;

export const MANIFEST_MEMBER = 'manifest.json';
export const DATABASE_MEMBER = { postgres: 'database.dump', pglite: 'pglite.tar.gz' } as const;
export const DOCUMENTS_PREFIX = 'documents/';

export const tramaVersion = (): string =>
  (JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { version: string }).version;

/** An operator's mistake or a bad file: the CLI prints both languages and exits 1. */
export const backupError = (message: Bilingual, code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION') => new AppError(code, { message });

export type Query = (text: string) => Promise<Record<string, unknown>[]>;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const identifier = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Rows of every table of the public schema, by name. */
export async function tableCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query(`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  if (!tables.length) return {};
  const counts = await query(
    tables.map(({ name }) => `SELECT ${literal(String(name))} AS name, count(*) AS n FROM public.${identifier(String(name))}`).join('\nUNION ALL\n'),
  );
  return Object.fromEntries(counts.map((row) => [String(row.name), Number(row.n)]));
}

/** Applied migrations, or undefined when the database was never migrated (nothing of Trama in it). */
export async function migrationsIn(query: Query): Promise<string[] | undefined> {
  const ledger = await query(`SELECT to_regclass('public.schema_migration') IS NOT NULL AS present`);
  if (ledger[0]?.present !== true) return undefined;
  return (await query('SELECT name FROM schema_migration ORDER BY name')).map((row) => String(row.name));
}

/** The tables whose row count differs from the manifest's, as "table: expected → found". */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.filter((name) => expected[name] !== found[name]).map((name) => `${name}: ${String(expected[name] ?? '-')} → ${String(found[name] ?? '-')}`);
}
