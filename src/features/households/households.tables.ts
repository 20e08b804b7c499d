import type { ColumnType, Generated } from 'kysely';
import type { Relationship } from './households.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface HouseholdTable {
  id: Generated<string>;
  municipality_code: string;
  area_id: string | null;
  address: string | null;
  postal_code: string | null;
  address_municipality_code: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  municipality_code: string;
  relationship: Relationship;
  valid_from: string;
  valid_to: string | null;
  end_reason: string | null;
  created_at: CreatedAt;
  created_by: string;
  ended_by: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    household: HouseholdTable;
    household_member: HouseholdMemberTable;
  }
}
