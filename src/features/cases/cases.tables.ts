import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { CasePersonRole, CaseStatus, ClosureReason, ObjectiveOutcome } from './cases.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface ObjectiveOutcomeRow {
  objectiveId: string;
  outcome: ObjectiveOutcome;
  note: string | null;
  /** The objective's text when the case was closed (agreed plan versions never change); absent in older rows. */
  objective?: string;
}

export interface CaseRecordTable {
  id: Generated<string>;
  reference: string;
  municipality_code: string;
  area_id: string | null;
  status: Generated<CaseStatus>;
  owner_id: string;
  team_id: string | null;
  intake_item_id: string | null;
  need_area_codes: ColumnType<string[], string[] | undefined, string[]>;
  next_review_on: string | null;
  last_activity_at: Generated<string>;
  opened_at: CreatedAt;
  opened_by: string;
  closed_at: string | null;
  closure_reason: ClosureReason | null;
  closure_outcome: string | null;
  closure_objective_outcomes: JSONColumnType<ObjectiveOutcomeRow[] | null, string | null, string | null>;
  version: Generated<number>;
}

export interface CaseReferenceCounterTable {
  year: number;
  last_number: number;
}

export interface CasePersonTable {
  case_id: string;
  person_id: string;
  role: CasePersonRole;
  municipality_code: string;
  added_at: CreatedAt;
  added_by: string;
}

export interface CaseStatusChangeTable {
  id: Generated<string>;
  case_id: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  reason: string;
  changed_at: CreatedAt;
  changed_by: string;
}

export interface CaseTransferTable {
  id: Generated<string>;
  case_id: string;
  from_owner_id: string;
  to_owner_id: string;
  from_team_id: string | null;
  to_team_id: string | null;
  reason: string;
  transferred_at: CreatedAt;
  transferred_by: string;
}

export interface CaseAccessGrantTable {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  reason: string;
  municipality_code: string;
  granted_at: CreatedAt;
  expires_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_reference_counter: CaseReferenceCounterTable;
    case_record: CaseRecordTable;
    case_person: CasePersonTable;
    case_status_change: CaseStatusChangeTable;
    case_transfer: CaseTransferTable;
    case_access_grant: CaseAccessGrantTable;
  }
}
