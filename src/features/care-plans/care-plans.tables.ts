import type { ColumnType, Generated } from 'kysely';
import type { CommitmentWhoKind, FundingBody, PlanStatus, SignatureMethod, SupportFrequency, TaskWhoKind } from './care-plans.codes.ts';
import type { ServiceUnit } from '../catalogue/catalogue.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CarePlanTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  version_number: number;
  based_on_id: string | null;
  status: Generated<PlanStatus>;
  summary: Generated<string>;
  period_start: string;
  period_end: string;
  signature_method: SignatureMethod | null;
  signed_on: string | null;
  signed_by_name: string | null;
  signature_document_ref: string | null;
  signature_note: string | null;
  agreement_recorded_at: string | null;
  agreement_recorded_by: string | null;
  proposed_at: string | null;
  activated_at: string | null;
  review_started_at: string | null;
  closed_at: string | null;
  closing_note: string | null;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

interface PlanItem {
  id: Generated<string>;
  plan_id: string;
  item_key: string;
}

export interface CarePlanObjectiveTable extends PlanItem {
  position: number;
  description: string;
  shared_provider_ids: UuidArray;
}

export interface CarePlanResultTable extends PlanItem {
  objective_id: string;
  position: number;
  description: string;
  indicator: string;
  target_date: string | null;
}

export interface CarePlanSupportTable extends PlanItem {
  position: number;
  service_id: string;
  provider_id: string | null;
  objective_key: string | null;
  quantity_hundredths: number;
  unit: ServiceUnit;
  frequency: SupportFrequency;
  start_date: string;
  end_date: string;
  unit_cost_cents: number;
  funding_body: FundingBody;
  notes: Generated<string>;
  shared_provider_ids: UuidArray;
}

export interface CarePlanCommitmentTable extends PlanItem {
  position: number;
  who_kind: CommitmentWhoKind;
  person_id: string | null;
  who_name: string;
  commitment: string;
}

export interface CarePlanTaskTable extends PlanItem {
  position: number;
  who_kind: TaskWhoKind;
  user_id: string | null;
  provider_id: string | null;
  who_name: string;
  task: string;
  shared_provider_ids: UuidArray;
}

export interface CarePlanReviewTable extends PlanItem {
  review_on: string;
  note: Generated<string>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    care_plan: CarePlanTable;
    care_plan_objective: CarePlanObjectiveTable;
    care_plan_result: CarePlanResultTable;
    care_plan_support: CarePlanSupportTable;
    care_plan_commitment: CarePlanCommitmentTable;
    care_plan_task: CarePlanTaskTable;
    care_plan_review: CarePlanReviewTable;
  }
}
