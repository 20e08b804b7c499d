import type { ColumnType, Generated } from 'kysely';
import type { ProcedureOutcome } from './procedures.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface CaseProcedureTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  procedure_type_id: string;
  subject: string;
  started_on: string;
  legal_days: number;
  due_on: string;
  suspended_since: string | null;
  outcome: ProcedureOutcome | null;
  decided_on: string | null;
  decision_note: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
}

export interface CaseProcedureSuspensionTable {
  id: Generated<string>;
  procedure_id: string;
  reason: string;
  starts_on: string;
  ends_on: string | null;
  created_at: CreatedAt;
  created_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_procedure: CaseProcedureTable;
    case_procedure_suspension: CaseProcedureSuspensionTable;
  }
}
