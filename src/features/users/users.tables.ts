import type { ColumnType, Generated } from 'kysely';

export interface TeamTable {
  id: Generated<string>;
  name: string;
  municipality_code: string;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    team: TeamTable;
    team_member: TeamMemberTable;
  }
}
