-- The personalised project (progetto personalizzato / PAI) of a case, in versions: a draft is edited, then
-- proposed, agreed (signed by the person), active, under review and closed. A version past the draft is
-- immutable: a change is a new version, a draft copy of the last agreed one. Items keep a stable
-- item_key across versions so two versions can be compared item by item.
CREATE TABLE care_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  version_number integer NOT NULL CHECK (version_number >= 1),
  based_on_id uuid REFERENCES care_plan (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'agreed', 'active', 'under_review', 'closed')),
  summary text NOT NULL DEFAULT '',
  period_start date NOT NULL,
  period_end date NOT NULL,
  signature_method text CHECK (signature_method IN ('paper_scan', 'in_person', 'online')),
  signed_on date,
  signed_by_name text,
  signature_document_ref text,
  signature_note text,
  agreement_recorded_at timestamptz,
  agreement_recorded_by uuid REFERENCES app_user (id),
  proposed_at timestamptz,
  activated_at timestamptz,
  review_started_at timestamptz,
  closed_at timestamptz,
  closing_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (case_id, version_number),
  CHECK (period_end >= period_start),
  CHECK ((signature_method IS NULL) = (signed_on IS NULL) AND (signed_on IS NULL) = (agreement_recorded_at IS NULL)),
  CHECK (status IN ('draft', 'proposed') OR signature_method IS NOT NULL)
);
COMMENT ON TABLE care_plan IS 'One version of the personalised project of a case (PAI): version_number 1, 2, … per case; every agreed version is kept.';
COMMENT ON COLUMN care_plan.municipality_code IS 'The case''s municipality when the version was created (arrangements and providers come from it).';
COMMENT ON COLUMN care_plan.based_on_id IS 'The agreed version this draft was copied from ("new version"); null for the first.';
COMMENT ON COLUMN care_plan.signature_method IS 'How the person signed the agreement: paper_scan (signature_document_ref and/or note name the scan), in_person, online.';
COMMENT ON COLUMN care_plan.signed_by_name IS 'Who signed for the project: the person, or their guardian / support administrator.';
COMMENT ON COLUMN care_plan.signature_document_ref IS 'Reference of the scanned signed copy (a case document id or a protocol number).';
COMMENT ON COLUMN care_plan.agreement_recorded_by IS 'The user who recorded the agreement in Trama.';
COMMENT ON COLUMN care_plan.version IS 'Optimistic-concurrency counter of this row: a stale save of a draft gets 412.';
CREATE INDEX care_plan_case_idx ON care_plan (case_id, version_number);
CREATE INDEX care_plan_status_idx ON care_plan (municipality_code, status);

CREATE TABLE care_plan_objective (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  shared_provider_ids uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (plan_id, item_key)
);
COMMENT ON TABLE care_plan_objective IS 'General objective of a plan version; case_record.closure_objective_outcomes[].objectiveId names its id.';
COMMENT ON COLUMN care_plan_objective.item_key IS 'The same objective across versions (copied by "new version"): versions are compared by it.';
COMMENT ON COLUMN care_plan_objective.shared_provider_ids IS 'Provider organisations (provider_organisation.id) that will see this objective in the provider portal.';

CREATE TABLE care_plan_result (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  objective_id uuid NOT NULL REFERENCES care_plan_objective (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  indicator text NOT NULL,
  target_date date,
  UNIQUE (plan_id, item_key)
);
COMMENT ON TABLE care_plan_result IS 'Specific expected result of an objective, with its indicator and target date.';
CREATE INDEX care_plan_result_objective_idx ON care_plan_result (objective_id);

CREATE TABLE care_plan_support (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  position integer NOT NULL,
  service_id uuid NOT NULL REFERENCES service (id),
  provider_id uuid REFERENCES provider_organisation (id),
  objective_key uuid,
  quantity_hundredths integer NOT NULL CHECK (quantity_hundredths > 0),
  unit text NOT NULL CHECK (unit IN ('hours', 'days', 'euros', 'places', 'meals', 'trips', 'units')),
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'one_off')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  unit_cost_cents integer NOT NULL CHECK (unit_cost_cents >= 0),
  funding_body text NOT NULL CHECK (funding_body IN ('municipality', 'union', 'ausl_frna', 'region', 'national_poverty_fund', 'other')),
  notes text NOT NULL DEFAULT '',
  shared_provider_ids uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (plan_id, item_key),
  CHECK (end_date >= start_date)
);
COMMENT ON TABLE care_plan_support IS 'A support of the plan: a catalogue service with its deliverer, quantity, frequency, period and cost; becomes an intervention once the plan is agreed.';
COMMENT ON COLUMN care_plan_support.provider_id IS 'The delivering organisation (from the service arrangements of the plan''s municipality); null = direct delivery by the title holder.';
COMMENT ON COLUMN care_plan_support.objective_key IS 'item_key of the objective this support serves, if any.';
COMMENT ON COLUMN care_plan_support.quantity_hundredths IS 'Quantity per frequency period in hundredths of the unit (1.5 hours = 150): integer arithmetic only.';
COMMENT ON COLUMN care_plan_support.unit IS 'The service''s unit when the support was saved.';
COMMENT ON COLUMN care_plan_support.unit_cost_cents IS 'Cost of one unit in euro cents; monthly and period totals are computed by care-plans/plan-totals.ts.';
COMMENT ON COLUMN care_plan_support.shared_provider_ids IS 'Provider organisations that will see this support in the provider portal (its deliverer by default).';
CREATE INDEX care_plan_support_provider_idx ON care_plan_support (provider_id);

CREATE TABLE care_plan_commitment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  position integer NOT NULL,
  who_kind text NOT NULL CHECK (who_kind IN ('person', 'household_member', 'household')),
  person_id uuid REFERENCES person (id),
  who_name text NOT NULL,
  commitment text NOT NULL,
  UNIQUE (plan_id, item_key)
);
COMMENT ON TABLE care_plan_commitment IS 'The "patto": what the person and their household commit to; person_id when the one committing is a person of the case.';

CREATE TABLE care_plan_task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  position integer NOT NULL,
  who_kind text NOT NULL CHECK (who_kind IN ('team_member', 'provider', 'other_body', 'volunteer')),
  user_id uuid REFERENCES app_user (id),
  provider_id uuid REFERENCES provider_organisation (id),
  who_name text NOT NULL,
  task text NOT NULL,
  shared_provider_ids uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (plan_id, item_key)
);
COMMENT ON TABLE care_plan_task IS 'Who does what: team members (user_id), providers (provider_id), other bodies and volunteers (by name).';

CREATE TABLE care_plan_review (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
  item_key uuid NOT NULL,
  review_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  UNIQUE (plan_id, item_key)
);
COMMENT ON TABLE care_plan_review IS 'Planned review dates (verifiche) of a plan version.';
CREATE INDEX care_plan_review_date_idx ON care_plan_review (review_on);

-- A version past the draft is immutable: its items may not change, whatever path the write takes.
CREATE FUNCTION care_plan_item_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM care_plan WHERE id = target AND status <> 'draft') THEN
    RAISE EXCEPTION 'care plan % is not a draft: its items cannot change', target;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER care_plan_objective_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_objective FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
CREATE TRIGGER care_plan_result_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_result FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
CREATE TRIGGER care_plan_support_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_support FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
CREATE TRIGGER care_plan_commitment_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_commitment FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
CREATE TRIGGER care_plan_task_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_task FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
CREATE TRIGGER care_plan_review_immutable BEFORE INSERT OR UPDATE OR DELETE ON care_plan_review FOR EACH ROW EXECUTE FUNCTION care_plan_item_immutable();
