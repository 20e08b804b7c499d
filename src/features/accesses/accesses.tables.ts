import type { ColumnType, Generated } from 'kysely';
import type { Channel, Outcome, Urgency, Involvement, IntakeStatus } from './accesses.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface AccessRecordTable {
  id: Generated<string>;
  municipality_code: string;
  area_id: string | null;
  occurred_at: string;
  channel: Channel;
  need_area_code: string;
  request: string;
  anonymous_description: string | null;
  outcome: Outcome;
  outcome_service_id: string | null;
  outcome_notes: string | null;
  referral_urgency: Urgency | null;
  version: Generated<number>;
  recorded_by: string;
  created_at: CreatedAt;
  updated_at: Generated<string>;
  updated_by: string;
}

export interface AccessPersonTable {
  access_id: string;
  person_id: string;
  involvement: Involvement;
  municipality_code: string;
  linked_at: CreatedAt;
  linked_by: string;
}

export interface IntakeItemTable {
  id: Generated<string>;
  access_id: string;
  municipality_code: string;
  area_id: string | null;
  urgency: Urgency;
  referred_at: string;
  status: Generated<IntakeStatus>;
  assigned_to: string | null;
  assigned_by: string | null;
  assigned_at: string | null;
  first_interview_at: string | null;
  closed_at: string | null;
  close_reason: string | null;
  version: Generated<number>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    access_record: AccessRecordTable;
    access_person: AccessPersonTable;
    intake_item: IntakeItemTable;
  }
}
