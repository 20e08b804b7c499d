import type { ColumnType, Generated } from 'kysely';
import type { LetterLanguage } from './case-settings.codes.ts';

export interface ProcedureTypeTable {
  id: Generated<string>;
  code: string;
  name: string;
  legal_deadline_days: number;
  is_active: Generated<boolean>;
  updated_at: Generated<string>;
}

export interface LevelLabel {
  value: number;
  it: string;
  en: string;
}

export interface AssessmentDimensionTable {
  id: Generated<string>;
  code: string;
  name_it: string;
  name_en: string;
  scale_min: number;
  scale_max: number;
  /** jsonb: read as an array, written as its JSON text. */
  level_labels: ColumnType<LevelLabel[], string, string>;
  sort_order: number;
  is_active: Generated<boolean>;
  updated_at: Generated<string>;
}

export interface LetterTemplateTable {
  id: Generated<string>;
  name: string;
  language: LetterLanguage;
  subject: string;
  body: string;
  is_active: Generated<boolean>;
  updated_at: Generated<string>;
  updated_by: string | null;
}

export interface CaseSettingsTable {
  id: Generated<boolean>;
  inactivity_days: number;
  near_deadline_days: Generated<number>;
  updated_at: Generated<string>;
  updated_by: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    procedure_type: ProcedureTypeTable;
    assessment_dimension: AssessmentDimensionTable;
    letter_template: LetterTemplateTable;
    case_settings: CaseSettingsTable;
  }
}
