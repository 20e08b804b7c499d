-- Households (nucleo familiare): a person belongs to at most one household at a time; moves close the
-- old membership (valid_to) and open a new one, so the history is never lost.
CREATE TABLE household (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  area_id uuid REFERENCES area (id),
  address text,
  postal_code text,
  address_municipality_code text REFERENCES municipality (istat_code),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON TABLE household IS 'Nucleo familiare: people living together, with the shared address.';
COMMENT ON COLUMN household.municipality_code IS 'Territory of the household: scopes who may see it.';

CREATE TABLE household_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL REFERENCES household (id),
  person_id uuid NOT NULL REFERENCES person (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  relationship text NOT NULL CHECK (relationship IN (
    'reference_person', 'spouse', 'partner', 'child', 'parent', 'sibling', 'grandchild', 'grandparent',
    'other_relative', 'cohabitant', 'carer', 'other')),
  valid_from date NOT NULL,
  valid_to date,
  end_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  ended_by uuid REFERENCES app_user (id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON COLUMN household_member.relationship IS 'Relationship to the household''s reference person.';
COMMENT ON COLUMN household_member.municipality_code IS 'Copy of the household''s territory, for scoping and sharding.';
CREATE UNIQUE INDEX household_member_current_idx ON household_member (person_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX household_reference_person_idx ON household_member (household_id) WHERE valid_to IS NULL AND relationship = 'reference_person';
CREATE INDEX household_member_household_idx ON household_member (household_id);
CREATE INDEX household_member_person_idx ON household_member (person_id, valid_from DESC);
