-- Service catalogue (Nomenclatore), providers and, per municipality, the institutional arrangement of
-- each service: who holds title, who delivers, how the social-service function is exercised.
CREATE TABLE need_area (
  code text PRIMARY KEY,
  label_it text NOT NULL,
  label_en text NOT NULL,
  sort_order integer NOT NULL
);
COMMENT ON TABLE need_area IS 'ISTAT areas of need (aree di utenza), loaded from the shipped classificazioni-sociali.csv.';

CREATE TABLE siuss_benefit (
  code text PRIMARY KEY,
  macro_area text NOT NULL,
  description text NOT NULL
);
COMMENT ON TABLE siuss_benefit IS 'SIUSS benefit codes (codici prestazione), loaded from the shipped siuss-codici-prestazione.csv.';

CREATE TABLE service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN (
    'economic', 'home_care', 'educational', 'residential', 'semi_residential', 'day_centre',
    'information', 'professional_support', 'transport', 'other')),
  unit text NOT NULL CHECK (unit IN ('hours', 'days', 'euros', 'places', 'meals', 'trips', 'units')),
  siuss_benefit_code text REFERENCES siuss_benefit (code),
  access_rules text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON COLUMN service.code IS 'National Nomenclatore code as entered or imported by a manager (the item list is not public in machine-readable form).';

CREATE TABLE service_need_area (
  service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  need_area_code text NOT NULL REFERENCES need_area (code),
  PRIMARY KEY (service_id, need_area_code)
);

CREATE TABLE provider_organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  tax_code text CHECK (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  kind text NOT NULL CHECK (kind IN ('social_cooperative', 'association', 'foundation', 'company', 'public_body', 'other')),
  email text,
  phone text,
  address text,
  municipality_code text REFERENCES municipality (istat_code),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE provider_organisation IS 'Fornitore: an organisation delivering services; its staff are users with the provider role.';

ALTER TABLE app_user ADD COLUMN provider_id uuid REFERENCES provider_organisation (id);
COMMENT ON COLUMN app_user.provider_id IS 'For provider staff: the organisation whose interventions they see.';

CREATE TABLE service_arrangement (
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  service_id uuid NOT NULL REFERENCES service (id),
  title_holder text NOT NULL CHECK (title_holder IN ('municipality', 'union', 'asp', 'ausl', 'other')),
  title_holder_name text,
  delivery text NOT NULL CHECK (delivery IN ('direct', 'provider')),
  function_mode text NOT NULL CHECK (function_mode IN ('direct', 'delegated', 'mixed')),
  notes text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id),
  PRIMARY KEY (municipality_code, service_id)
);
COMMENT ON TABLE service_arrangement IS 'Per municipality and service: title holder, deliverer and how the SST function is exercised; no row = service not present there.';

CREATE TABLE service_arrangement_provider (
  municipality_code text NOT NULL,
  service_id uuid NOT NULL,
  provider_id uuid NOT NULL REFERENCES provider_organisation (id),
  PRIMARY KEY (municipality_code, service_id, provider_id),
  FOREIGN KEY (municipality_code, service_id) REFERENCES service_arrangement (municipality_code, service_id) ON DELETE CASCADE
);
CREATE INDEX service_arrangement_provider_provider_idx ON service_arrangement_provider (provider_id);
