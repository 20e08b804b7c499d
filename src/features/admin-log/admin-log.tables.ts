import type { ColumnType, Generated } from 'kysely';

/** jsonb: written as a JSON string, read back as the value. */
type Json = ColumnType<unknown, string | null, never>;

export interface AdminLogTable {
  id: Generated<number>;
  at: ColumnType<string, string | undefined, never>;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: Json;
  after: Json;
  municipality_codes: string[] | null;
  request_id: string | null;
  client_address: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    admin_log: AdminLogTable;
  }
}
