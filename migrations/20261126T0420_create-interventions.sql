-- Interventions (interventi) and their deliveries (erogazioni). When a version of a case's plan becomes
-- active, each of its supports becomes (or updates) one intervention of the case, keyed by the support's
-- item_key: title holder and deliverer come from the service arrangement of the plan's municipality, the
-- planned quantity, frequency, period and cost from the support. A support missing from a later active
-- version ends its intervention (the row is kept, with its deliveries). Providers record deliveries.
CREATE TABLE intervention (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  item_key uuid NOT NULL,
  plan_id uuid NOT NULL REFERENCES care_plan (id),
  support_id uuid NOT NULL REFERENCES care_plan_support (id),
  service_id uuid NOT NULL REFERENCES service (id),
  title_holder text NOT NULL CHECK (title_holder IN ('municipality', 'union', 'asp', 'ausl', 'other')),
  title_holder_name text,
  delivery text NOT NULL CHECK (delivery IN ('direct', 'provider')),
  provider_id uuid REFERENCES provider_organisation (id),
  quantity_hundredths integer NOT NULL CHECK (quantity_hundredths > 0),
  unit text NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'one_off')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  unit_cost_cents integer NOT NULL CHECK (unit_cost_cents >= 0),
  funding_body text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, item_key),
  CHECK (end_date >= start_date),
  CHECK ((status = 'ended') = (ended_at IS NOT NULL)),
  CHECK ((delivery = 'direct') = (provider_id IS NULL))
);
COMMENT ON TABLE intervention IS 'A support of the plan in force, as delivered: one row per support item_key per case, updated by each newly active version, ended (and kept) when a version drops the support or the plan is closed.';
COMMENT ON COLUMN intervention.item_key IS 'care_plan_support.item_key: the same support across plan versions.';
COMMENT ON COLUMN intervention.plan_id IS 'The plan version whose support the intervention follows (the last active one that had it).';
COMMENT ON COLUMN intervention.support_id IS 'The support row of plan_id the planned values were copied from.';
COMMENT ON COLUMN intervention.title_holder IS 'Who holds the service (titolarità), from service_arrangement of the plan''s municipality when the version became active.';
COMMENT ON COLUMN intervention.delivery IS 'direct (the title holder delivers) or provider, from service_arrangement; provider_id is the support''s provider.';
COMMENT ON COLUMN intervention.provider_id IS 'The delivering organisation: its provider users see this intervention and record its deliveries. Null = direct delivery.';
COMMENT ON COLUMN intervention.quantity_hundredths IS 'Planned quantity per frequency period in hundredths of the unit (copied from the support).';
COMMENT ON COLUMN intervention.unit_cost_cents IS 'Planned cost of one unit in euro cents (copied from the support).';
COMMENT ON COLUMN intervention.status IS 'active while the plan in force has the support; ended otherwise (ended_at says when).';
CREATE INDEX intervention_provider_idx ON intervention (provider_id, status);
CREATE INDEX intervention_case_idx ON intervention (case_id);

CREATE TABLE intervention_delivery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_id uuid NOT NULL REFERENCES intervention (id),
  delivered_on date NOT NULL,
  quantity_hundredths integer NOT NULL CHECK (quantity_hundredths >= 0 AND quantity_hundredths <= 100000),
  person_absent boolean NOT NULL DEFAULT false,
  staff text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK (NOT person_absent OR quantity_hundredths = 0)
);
COMMENT ON TABLE intervention_delivery IS 'Erogazione: one delivery of an intervention recorded by its provider (hours or units on a day, who delivered it, notes).';
COMMENT ON COLUMN intervention_delivery.quantity_hundredths IS 'Delivered quantity in hundredths of the intervention''s unit; 0 when the person was absent.';
COMMENT ON COLUMN intervention_delivery.person_absent IS 'The person was not there (no-show): the visit counts zero delivered.';
COMMENT ON COLUMN intervention_delivery.staff IS 'Names of the provider''s operators who delivered it (free text).';
COMMENT ON COLUMN intervention_delivery.version IS 'Optimistic-concurrency counter: a stale correction gets 412.';
CREATE INDEX intervention_delivery_idx ON intervention_delivery (intervention_id, delivered_on);
