import type { ColumnType, Generated } from 'kysely';
import type { ContributionKind, ContributionStatus, Decision, FundingLine, PaymentLineKind, PaymentListStatus, PaymentMethod } from './contributions.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;
/** bigint sums come back as strings from PostgreSQL: read them with Number() (cents stay exact below 2^53). */
type Cents = ColumnType<string | number, number | null, number | null>;

export interface ContributionCeilingTable {
  municipality_code: string;
  person_yearly_cents: Cents | null;
  household_yearly_cents: Cents | null;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

export interface ContributionTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  plan_id: string;
  item_key: Generated<string>;
  person_id: string;
  household_id: string | null;
  kind: ContributionKind;
  amount_cents: number;
  first_month: string;
  months: number;
  reason: string;
  commitment_keys: UuidArray;
  funding_line: FundingLine;
  payment_method: PaymentMethod;
  iban: string | null;
  status: Generated<ContributionStatus>;
  proposed_by: string;
  proposed_at: CreatedAt;
  decision_id: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: Generated<number>;
}

export interface ContributionOverrideTable {
  id: Generated<string>;
  contribution_id: string;
  ceiling: 'person' | 'household';
  year: number;
  ceiling_cents: number;
  total_cents: number;
  reason: string;
  overridden_by: string;
  overridden_at: CreatedAt;
}

export interface TeamMeetingTable {
  id: Generated<string>;
  team_id: string | null;
  held_on: string;
  participant_ids: UuidArray;
  other_participants: Generated<string>;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface TeamMeetingDecisionTable {
  id: Generated<string>;
  meeting_id: string;
  contribution_id: string;
  decision: Decision;
  note: Generated<string>;
  decided_by: string;
}

export interface PaymentListTable {
  id: Generated<string>;
  municipality_code: string;
  month: string;
  status: Generated<PaymentListStatus>;
  checked_at: string | null;
  checked_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface PaymentLineTable {
  id: Generated<string>;
  list_id: string;
  contribution_id: string;
  person_id: string;
  due_month: string;
  amount_cents: number;
  funding_line: FundingLine;
  kind: Generated<PaymentLineKind>;
  corrects_line_id: string | null;
  note: Generated<string>;
  created_at: CreatedAt;
  created_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    contribution_ceiling: ContributionCeilingTable;
    contribution: ContributionTable;
    contribution_override: ContributionOverrideTable;
    team_meeting: TeamMeetingTable;
    team_meeting_decision: TeamMeetingDecisionTable;
    payment_list: PaymentListTable;
    payment_line: PaymentLineTable;
  }
}
