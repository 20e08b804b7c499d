CREATE TABLE municipality (
  istat_code text PRIMARY KEY CHECK (istat_code ~ '^\d{6}$'),
  belfiore text NOT NULL UNIQUE CHECK (belfiore ~ '^[A-Z]\d{3}$'),
  name text NOT NULL,
  name_key text GENERATED ALWAYS AS (trama_fold(name)) STORED,
  province_code text NOT NULL,
  province_name text NOT NULL,
  region text NOT NULL,
  population integer NOT NULL DEFAULT 0,
  postal_code text
);
COMMENT ON TABLE municipality IS 'ISTAT list of Italian municipalities (source: Samurai016/Comuni-ITA, MIT; ISTAT data CC BY).';
COMMENT ON COLUMN municipality.belfiore IS 'Cadastral (Belfiore) code, used in the codice fiscale for the birthplace.';
CREATE INDEX municipality_name_key_idx ON municipality USING gin (name_key gin_trgm_ops);

CREATE TABLE foreign_country (
  code text PRIMARY KEY CHECK (code ~ '^Z\d{3}$'),
  name_it text NOT NULL,
  name_en text NOT NULL,
  iso2 text NOT NULL
);
COMMENT ON TABLE foreign_country IS 'Foreign states with the Z cadastral code the codice fiscale uses for people born abroad.';

CREATE TABLE territory_group (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('union', 'district')),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, name)
);
COMMENT ON TABLE territory_group IS 'Unions of municipalities and social-health Districts: groups of municipalities an admin defines.';

CREATE TABLE territory_group_member (
  group_id uuid NOT NULL REFERENCES territory_group (id) ON DELETE CASCADE,
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  PRIMARY KEY (group_id, municipality_code)
);
CREATE INDEX territory_group_member_municipality_idx ON territory_group_member (municipality_code);

CREATE TABLE area (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, name)
);
COMMENT ON TABLE area IS 'Sub-municipal areas (quartieri / municipi) of large cities, which records and grants can name.';
