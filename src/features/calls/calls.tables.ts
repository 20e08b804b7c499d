import type { ColumnType, Generated } from 'kysely';
import type { CallStatus } from './calls.codes.ts';
import type { CallRules } from './calls.schemas.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface CallTable {
  id: Generated<string>;
  service_id: string;
  title_it: string;
  title_en: string;
  description_it: string;
  description_en: string;
  territory_group_id: string | null;
  status: Generated<CallStatus>;
  current_version_number: Generated<number>;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

export interface CallMunicipalityTable {
  call_id: string;
  municipality_code: string;
}

export interface CallVersionTable {
  call_id: string;
  version_number: number;
  /** Written as JSON text (jsonb), read back as the object. */
  rules: ColumnType<CallRules, string, string>;
  opens_at: string | null;
  closes_at: string | null;
  published_at: string | null;
  correction_reason: string | null;
  created_at: CreatedAt;
  created_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    call: CallTable;
    call_municipality: CallMunicipalityTable;
    call_version: CallVersionTable;
  }
}
