-- Offices, interview rooms, appointments with no double booking of a worker or a room (exclusion
-- constraints, safe under concurrency), and the staff-safety flag on persons.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE office (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  name text NOT NULL,
  address text,
  UNIQUE (municipality_code, name)
);

CREATE TABLE room (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  office_id uuid NOT NULL REFERENCES office (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  name text NOT NULL,
  is_protected boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  UNIQUE (office_id, name)
);
COMMENT ON COLUMN room.is_protected IS 'Protected room (second exit, alarm, colleague nearby): the only kind bookable for a person with a staff-safety flag.';

CREATE TABLE person_safety_flag (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  reason text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  set_by uuid NOT NULL REFERENCES app_user (id),
  cleared_at timestamptz,
  cleared_by uuid REFERENCES app_user (id),
  clear_reason text
);
COMMENT ON TABLE person_safety_flag IS 'Staff-safety risk (Lombardia recommendations): interviews only in protected rooms with a colleague on call.';
CREATE UNIQUE INDEX person_safety_flag_current_idx ON person_safety_flag (person_id) WHERE cleared_at IS NULL;

CREATE TABLE appointment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  person_id uuid NOT NULL REFERENCES person (id),
  worker_id uuid NOT NULL REFERENCES app_user (id),
  room_id uuid REFERENCES room (id),
  colleague_on_call_id uuid REFERENCES app_user (id),
  kind text NOT NULL CHECK (kind IN ('first_interview', 'interview', 'home_visit', 'phone_call', 'other')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  access_id uuid REFERENCES access_record (id),
  intake_item_id uuid REFERENCES intake_item (id),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled', 'no_show')),
  notes text,
  cancel_reason text,
  version integer NOT NULL DEFAULT 1,
  booked_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (colleague_on_call_id IS NULL OR colleague_on_call_id <> worker_id),
  EXCLUDE USING gist (worker_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status IN ('scheduled', 'held')),
  EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (room_id IS NOT NULL AND status IN ('scheduled', 'held'))
);
COMMENT ON COLUMN appointment.notes IS 'Practical notes for the booking only (no assessment content: the desk reads them).';
CREATE INDEX appointment_person_idx ON appointment (person_id, starts_at);
CREATE INDEX appointment_worker_idx ON appointment (worker_id, starts_at);
CREATE INDEX appointment_intake_idx ON appointment (intake_item_id);
