/**
 * The database's tables, as Kysely sees them. Empty here on purpose: each feature (and each platform
 * module) adds its own tables by module augmentation in its `*.tables.ts`, so the platform knows no
 * feature and a feature's columns live in its folder:
 *
 *   declare module '../../platform/db/tables.ts' { interface Tables { person: PersonTable } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Tables {}
