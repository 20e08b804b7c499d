import type { ColumnType, Generated } from 'kysely';
import type { DeliveryMode, ServiceUnit, TitleHolder } from '../catalogue/catalogue.codes.ts';
import type { FundingBody, SupportFrequency } from '../care-plans/care-plans.codes.ts';
import type { InterventionStatus } from './interventions.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface InterventionTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  item_key: string;
  plan_id: string;
  support_id: string;
  service_id: string;
  title_holder: TitleHolder;
  title_holder_name: string | null;
  delivery: DeliveryMode;
  provider_id: string | null;
  quantity_hundredths: number;
  unit: ServiceUnit;
  frequency: SupportFrequency;
  start_date: string;
  end_date: string;
  unit_cost_cents: number;
  funding_body: FundingBody;
  status: Generated<InterventionStatus>;
  ended_at: string | null;
  created_at: CreatedAt;
  updated_at: Generated<string>;
}

export interface InterventionDeliveryTable {
  id: Generated<string>;
  intervention_id: string;
  delivered_on: string;
  quantity_hundredths: number;
  person_absent: Generated<boolean>;
  staff: Generated<string>;
  notes: Generated<string>;
  recorded_at: CreatedAt;
  recorded_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    intervention: InterventionTable;
    intervention_delivery: InterventionDeliveryTable;
  }
}
