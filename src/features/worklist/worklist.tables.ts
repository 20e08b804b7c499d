import type { ColumnType } from 'kysely';

export interface WorklistSeenTable {
  user_id: string;
  seen_on: string;
  seen_at: ColumnType<string, string | undefined, string | undefined>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    worklist_seen: WorklistSeenTable;
  }
}
