import type { ColumnType, Generated } from 'kysely';

export interface AccessLogTable {
  id: Generated<number>;
  at: ColumnType<string, string | undefined, never>;
  user_id: string;
  role: string;
  grant_id: string | null;
  person_id: string | null;
  municipality_code: string | null;
  record_type: string;
  record_id: string | null;
  action: string;
  purpose: string | null;
  request_id: string;
  client_address: string | null;
  outcome: ColumnType<string, AccessOutcomeValue | undefined, never>;
}

type AccessOutcomeValue = 'allowed' | 'refused';

declare module '../db/tables.ts' {
  interface Tables {
    access_log: AccessLogTable;
  }
}
