import type { ColumnType, Generated } from 'kysely';
import type { ServiceKind, ServiceUnit, ProviderKind, TitleHolder, DeliveryMode, FunctionMode } from './catalogue.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface NeedAreaTable {
  code: string;
  label_it: string;
  label_en: string;
  sort_order: number;
}

export interface SiussBenefitTable {
  code: string;
  macro_area: string;
  description: string;
}

export interface ServiceTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: ServiceKind;
  unit: ServiceUnit;
  siuss_benefit_code: string | null;
  access_rules: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<string>;
  updated_by: string | null;
}

export interface ServiceNeedAreaTable {
  service_id: string;
  need_area_code: string;
}

export interface ProviderOrganisationTable {
  id: Generated<string>;
  name: string;
  tax_code: string | null;
  kind: ProviderKind;
  email: string | null;
  phone: string | null;
  address: string | null;
  municipality_code: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ServiceArrangementTable {
  municipality_code: string;
  service_id: string;
  title_holder: TitleHolder;
  title_holder_name: string | null;
  delivery: DeliveryMode;
  function_mode: FunctionMode;
  notes: string | null;
  updated_at: Generated<string>;
  updated_by: string | null;
}

export interface ServiceArrangementProviderTable {
  municipality_code: string;
  service_id: string;
  provider_id: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    need_area: NeedAreaTable;
    siuss_benefit: SiussBenefitTable;
    service: ServiceTable;
    service_need_area: ServiceNeedAreaTable;
    provider_organisation: ProviderOrganisationTable;
    service_arrangement: ServiceArrangementTable;
    service_arrangement_provider: ServiceArrangementProviderTable;
  }
}
