-- The case record (presa in carico): the case, its persons, status history, transfers, break-the-glass grants.
-- "case" is a reserved word: the table is case_record.
CREATE TABLE case_reference_counter (
  year integer PRIMARY KEY,
  last_number integer NOT NULL
);
COMMENT ON TABLE case_reference_counter IS 'Last human reference number given per year (2026/000123): incremented by UPSERT under the row lock.';

CREATE TABLE case_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  area_id uuid REFERENCES area (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assessing', 'in_charge', 'suspended', 'closed')),
  owner_id uuid NOT NULL REFERENCES app_user (id),
  team_id uuid REFERENCES team (id),
  intake_item_id uuid UNIQUE REFERENCES intake_item (id),
  need_area_codes text[] NOT NULL DEFAULT '{}',
  next_review_on date,
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by uuid NOT NULL REFERENCES app_user (id),
  closed_at timestamptz,
  closure_reason text CHECK (closure_reason IN ('goals_achieved', 'moved_away', 'deceased', 'refused', 'referred_elsewhere', 'no_longer_eligible', 'other')),
  closure_outcome text,
  closure_objective_outcomes jsonb,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closure_reason IS NOT NULL AND closure_outcome IS NOT NULL))
);
COMMENT ON COLUMN case_record.reference IS 'Human reference number YYYY/NNNNNN, unique.';
COMMENT ON COLUMN case_record.municipality_code IS 'The territory of the case (the beneficiary''s or the referral''s): scopes who may see it.';
COMMENT ON COLUMN case_record.owner_id IS 'Case owner (responsabile del caso): a social worker whose grants cover the territory.';
COMMENT ON COLUMN case_record.intake_item_id IS 'The referral the case was opened from: a referral opens at most one case.';
COMMENT ON COLUMN case_record.need_area_codes IS 'Areas of need (need_area.code): checked by the service on write.';
COMMENT ON COLUMN case_record.closure_outcome IS 'Outcome of the case at closure, in words, against the plan''s objectives.';
COMMENT ON COLUMN case_record.closure_objective_outcomes IS 'Per-objective outcomes at closure, [{objectiveId, outcome, note}]: objectiveId will reference the care-plan objectives of issue 6 (plan_objective.id); null until plans exist.';
CREATE INDEX case_record_territory_idx ON case_record (municipality_code, status);
CREATE INDEX case_record_owner_idx ON case_record (owner_id, status);
CREATE INDEX case_record_team_idx ON case_record (team_id, status);
CREATE INDEX case_record_review_idx ON case_record (next_review_on) WHERE status <> 'closed';

CREATE TABLE case_person (
  case_id uuid NOT NULL REFERENCES case_record (id),
  person_id uuid NOT NULL REFERENCES person (id),
  role text NOT NULL CHECK (role IN ('beneficiary', 'household_member', 'other')),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (case_id, person_id)
);
COMMENT ON COLUMN case_person.municipality_code IS 'The person''s municipality when added: names the territory in the access log.';
CREATE INDEX case_person_person_idx ON case_person (person_id);

CREATE TABLE case_status_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  from_status text CHECK (from_status IN ('open', 'assessing', 'in_charge', 'suspended', 'closed')),
  to_status text NOT NULL CHECK (to_status IN ('open', 'assessing', 'in_charge', 'suspended', 'closed')),
  reason text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON COLUMN case_status_change.from_status IS 'Null for the opening of the case.';
CREATE INDEX case_status_change_case_idx ON case_status_change (case_id, changed_at);

CREATE TABLE case_transfer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  from_owner_id uuid NOT NULL REFERENCES app_user (id),
  to_owner_id uuid NOT NULL REFERENCES app_user (id),
  from_team_id uuid REFERENCES team (id),
  to_team_id uuid REFERENCES team (id),
  reason text NOT NULL,
  transferred_at timestamptz NOT NULL DEFAULT now(),
  transferred_by uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX case_transfer_case_idx ON case_transfer (case_id, transferred_at);

CREATE TABLE case_access_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  reason text NOT NULL,
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > granted_at)
);
COMMENT ON TABLE case_access_grant IS 'Break the glass: a social worker outside the case states a reason and reads it for a limited time; shown to the territory''s manager.';
CREATE INDEX case_access_grant_user_idx ON case_access_grant (user_id, case_id, expires_at);
CREATE INDEX case_access_grant_territory_idx ON case_access_grant (municipality_code, granted_at);
