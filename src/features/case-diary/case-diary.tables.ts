import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DiaryKind } from './case-diary.codes.ts';

export interface ExternalParticipantRow {
  name: string;
  body: string;
}

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface CaseDiaryEntryTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  kind: DiaryKind;
  occurred_at: string;
  minutes: number;
  body: string;
  external_participants: JSONColumnType<ExternalParticipantRow[]>;
  version: Generated<number>;
  author_id: string;
  created_at: CreatedAt;
  corrected_at: string | null;
  corrected_by: string | null;
}

export interface CaseDiaryEntryVersionTable {
  entry_id: string;
  version: number;
  kind: DiaryKind;
  occurred_at: string;
  minutes: number;
  body: string;
  internal_participant_ids: JSONColumnType<string[], string, never>;
  external_participants: JSONColumnType<ExternalParticipantRow[], string, never>;
  correction_reason: string | null;
  saved_at: CreatedAt;
  saved_by: string;
}

export interface CaseDiaryTimeTable {
  entry_id: string;
  user_id: string;
  worked_on: string;
  minutes: number;
  municipality_code: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_diary_entry: CaseDiaryEntryTable;
    case_diary_entry_version: CaseDiaryEntryVersionTable;
    case_diary_time: CaseDiaryTimeTable;
  }
}
