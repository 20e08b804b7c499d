CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  area_id uuid REFERENCES area (id),
  family_name text NOT NULL,
  given_name text NOT NULL,
  sex text CHECK (sex IN ('M', 'F')),
  birth_date date,
  birth_place_code text CHECK (birth_place_code ~ '^[A-Z]\d{3}$'),
  fiscal_code text CHECK (fiscal_code ~ '^[A-Z0-9]{16}$'),
  citizenship text CHECK (citizenship ~ '^[A-Z]{2}$'),
  residence_municipality_code text REFERENCES municipality (istat_code),
  residence_address text,
  residence_postal_code text,
  domicile_municipality_code text REFERENCES municipality (istat_code),
  domicile_address text,
  domicile_postal_code text,
  phone text,
  email text,
  preferred_language text NOT NULL DEFAULT 'it',
  name_key text GENERATED ALWAYS AS (trama_fold(family_name || ' ' || given_name)) STORED,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
COMMENT ON COLUMN person.municipality_code IS 'Municipality of reference: the territory that scopes who may see the person.';
COMMENT ON COLUMN person.birth_place_code IS 'Belfiore code of the birth municipality or Z code of the foreign country.';
COMMENT ON COLUMN person.fiscal_code IS 'Not unique on purpose: a suspected duplicate is confirmed by the operator, and omocodia exists.';
COMMENT ON COLUMN person.name_key IS 'Folded "family given" name for accent- and case-insensitive trigram search.';
COMMENT ON COLUMN person.version IS 'Optimistic lock: an update names the version it edited.';
CREATE INDEX person_fiscal_code_idx ON person (fiscal_code) WHERE fiscal_code IS NOT NULL;
CREATE INDEX person_name_key_trgm_idx ON person USING gin (name_key gin_trgm_ops);
CREATE INDEX person_municipality_name_idx ON person (municipality_code, name_key);
CREATE INDEX person_birth_date_idx ON person (birth_date);

CREATE TABLE person_version (
  person_id uuid NOT NULL REFERENCES person (id),
  version integer NOT NULL,
  municipality_code text NOT NULL,
  data jsonb NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL,
  PRIMARY KEY (person_id, version)
);
COMMENT ON TABLE person_version IS 'Snapshot of every saved version of a person, for the edit history.';
