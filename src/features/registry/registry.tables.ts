import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface PersonTable {
  id: Generated<string>;
  municipality_code: string;
  area_id: string | null;
  family_name: string;
  given_name: string;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_place_code: string | null;
  fiscal_code: string | null;
  citizenship: string | null;
  residence_municipality_code: string | null;
  residence_address: string | null;
  residence_postal_code: string | null;
  domicile_municipality_code: string | null;
  domicile_address: string | null;
  domicile_postal_code: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: string;
  name_key: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: Generated<string>;
  updated_by: string | null;
}

export interface PersonVersionTable {
  person_id: string;
  version: number;
  municipality_code: string;
  data: JSONColumnType<Record<string, unknown>>;
  changed_at: CreatedAt;
  changed_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    person: PersonTable;
    person_version: PersonVersionTable;
  }
}
