import type { ColumnType, Generated } from 'kysely';
import type { AppointmentKind, AppointmentStatus } from './appointments.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface OfficeTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  address: string | null;
}

export interface RoomTable {
  id: Generated<string>;
  office_id: string;
  municipality_code: string;
  name: string;
  is_protected: Generated<boolean>;
  is_active: Generated<boolean>;
}

export interface PersonSafetyFlagTable {
  id: Generated<string>;
  person_id: string;
  municipality_code: string;
  reason: string;
  set_at: CreatedAt;
  set_by: string;
  cleared_at: string | null;
  cleared_by: string | null;
  clear_reason: string | null;
}

export interface AppointmentTable {
  id: Generated<string>;
  municipality_code: string;
  person_id: string;
  worker_id: string;
  room_id: string | null;
  colleague_on_call_id: string | null;
  kind: AppointmentKind;
  starts_at: string;
  ends_at: string;
  access_id: string | null;
  intake_item_id: string | null;
  status: Generated<AppointmentStatus>;
  notes: string | null;
  cancel_reason: string | null;
  version: Generated<number>;
  booked_by: string;
  created_at: CreatedAt;
  updated_at: Generated<string>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    office: OfficeTable;
    room: RoomTable;
    person_safety_flag: PersonSafetyFlagTable;
    appointment: AppointmentTable;
  }
}
