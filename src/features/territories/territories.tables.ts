import type { ColumnType, Generated } from 'kysely';

type Derived<T> = ColumnType<T, never, never>;
type CreatedAt = ColumnType<string, string | undefined, never>;

export interface MunicipalityTable {
  istat_code: string;
  belfiore: string;
  name: string;
  name_key: Derived<string>;
  province_code: string;
  province_name: string;
  region: string;
  population: number;
  postal_code: string | null;
}

export interface ForeignCountryTable {
  code: string;
  name_it: string;
  name_en: string;
  iso2: string;
}

export interface TerritoryGroupTable {
  id: Generated<string>;
  kind: 'union' | 'district';
  name: string;
  created_at: CreatedAt;
}

export interface TerritoryGroupMemberTable {
  group_id: string;
  municipality_code: string;
}

export interface AreaTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  created_at: CreatedAt;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    municipality: MunicipalityTable;
    foreign_country: ForeignCountryTable;
    territory_group: TerritoryGroupTable;
    territory_group_member: TerritoryGroupMemberTable;
    area: AreaTable;
  }
}
