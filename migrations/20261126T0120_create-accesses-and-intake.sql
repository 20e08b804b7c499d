-- Access records (accessi) at the front desk, and the social service's intake queue fed by referrals.
CREATE TABLE access_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  area_id uuid REFERENCES area (id),
  occurred_at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'online', 'home_visit')),
  need_area_code text NOT NULL REFERENCES need_area (code),
  request text NOT NULL,
  anonymous_description text,
  outcome text NOT NULL CHECK (outcome IN ('information', 'orientation', 'application_help', 'desk_procedure', 'referral')),
  outcome_service_id uuid REFERENCES service (id),
  outcome_notes text,
  referral_urgency text CHECK (referral_urgency IN ('ordinary', 'priority', 'urgent')),
  version integer NOT NULL DEFAULT 1,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  CHECK ((outcome = 'referral') = (referral_urgency IS NOT NULL))
);
COMMENT ON COLUMN access_record.municipality_code IS 'The desk (municipality) where the access was recorded: scopes who may see it.';
COMMENT ON COLUMN access_record.anonymous_description IS 'For an anonymous or first-contact access recorded before the person is registered.';
CREATE INDEX access_record_municipality_time_idx ON access_record (municipality_code, occurred_at);

CREATE TABLE access_person (
  access_id uuid NOT NULL REFERENCES access_record (id),
  person_id uuid NOT NULL REFERENCES person (id),
  involvement text NOT NULL CHECK (involvement IN ('beneficiary', 'requester', 'other')),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  linked_at timestamptz NOT NULL DEFAULT now(),
  linked_by uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (access_id, person_id)
);
COMMENT ON TABLE access_person IS 'Persons concerned by an access: the requester may differ from the beneficiary; added later for an anonymous access.';
CREATE INDEX access_person_person_idx ON access_person (person_id);

CREATE TABLE intake_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  access_id uuid NOT NULL UNIQUE REFERENCES access_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  area_id uuid REFERENCES area (id),
  urgency text NOT NULL CHECK (urgency IN ('ordinary', 'priority', 'urgent')),
  referred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'assigned', 'taken_in_charge', 'closed')),
  assigned_to uuid REFERENCES app_user (id),
  assigned_by uuid REFERENCES app_user (id),
  assigned_at timestamptz,
  first_interview_at timestamptz,
  closed_at timestamptz,
  close_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'waiting') = (assigned_to IS NULL) OR status = 'closed')
);
COMMENT ON TABLE intake_item IS 'The social service''s intake queue: one item per referral, assigned by the manager to a social worker.';
COMMENT ON COLUMN intake_item.first_interview_at IS 'Start of the first interview held: set when it is marked held; days from referred_at = timeliness (tempestività).';
CREATE INDEX intake_item_queue_idx ON intake_item (municipality_code, status, referred_at);
CREATE INDEX intake_item_assigned_idx ON intake_item (assigned_to, status);
CREATE INDEX intake_item_timeliness_idx ON intake_item (referred_at, municipality_code) INCLUDE (first_interview_at);
