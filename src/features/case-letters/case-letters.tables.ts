import type { ColumnType, Generated } from 'kysely';
import type { LetterLanguage } from '../case-settings/case-settings.codes.ts';
import type { LetterStatus } from './case-letters.codes.ts';

export interface CaseLetterTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  template_id: string | null;
  language: LetterLanguage;
  recipient_person_id: string | null;
  subject: string;
  body: string;
  status: Generated<LetterStatus>;
  created_at: ColumnType<string, string | undefined, never>;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  sent_at: string | null;
  sent_by: string | null;
  /** numeric(4,1): read as a string by the drivers. */
  gulpease_at_sending: ColumnType<string | null, number | null, number | null>;
  version: Generated<number>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_letter: CaseLetterTable;
  }
}
