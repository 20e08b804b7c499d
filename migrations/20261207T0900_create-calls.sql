-- Calls (bandi) for a service of the catalogue: a manager drafts the call, publishes it, and corrects a
-- published call only by publishing a new version with a public reason. The rules of a version (who may
-- apply, the form's questions, the points table, tie-breakers, documents, places or budget, appeal days)
-- are one validated jsonb document; once published a version never changes.
CREATE TABLE call (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES service (id),
  title_it text NOT NULL CHECK (length(title_it) BETWEEN 1 AND 200),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  description_it text NOT NULL CHECK (length(description_it) <= 20000),
  description_en text NOT NULL CHECK (length(description_en) <= 20000),
  territory_group_id uuid REFERENCES territory_group (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
  current_version_number integer NOT NULL DEFAULT 1 CHECK (current_version_number >= 1),
  created_at timestamptz NOT NULL DEFAULT trama_now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT trama_now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE call IS 'A call (bando) for a service of the catalogue, for a whole Union/District or for listed municipalities.';
COMMENT ON COLUMN call.territory_group_id IS 'The Union or District the call is for as a whole (one rule set for every municipality); null when it lists municipalities.';
COMMENT ON COLUMN call.status IS 'draft → published → closed (ranking states come later). Open, upcoming or closed for applicants is computed from the current version''s dates.';
COMMENT ON COLUMN call.current_version_number IS 'The call_version in force: the draft''s 1, or the latest published correction.';
COMMENT ON COLUMN call.version IS 'Incremented at every change of the call: a change naming an older version gets 412.';
CREATE INDEX call_service_idx ON call (service_id);
CREATE INDEX call_status_idx ON call (status, created_at DESC);

CREATE TABLE call_municipality (
  call_id uuid NOT NULL REFERENCES call (id) ON DELETE CASCADE,
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  PRIMARY KEY (call_id, municipality_code)
);
COMMENT ON TABLE call_municipality IS 'The municipalities a call covers: the listed ones, or the members of its Union/District when the call was saved (so the territory of a published call does not move).';
CREATE INDEX call_municipality_code_idx ON call_municipality (municipality_code, call_id);

CREATE TABLE call_version (
  call_id uuid NOT NULL REFERENCES call (id),
  version_number integer NOT NULL CHECK (version_number >= 1),
  rules jsonb NOT NULL,
  opens_at timestamptz,
  closes_at timestamptz,
  published_at timestamptz,
  correction_reason text,
  created_at timestamptz NOT NULL DEFAULT trama_now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (call_id, version_number),
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at),
  CHECK (published_at IS NULL OR (opens_at IS NOT NULL AND closes_at IS NOT NULL)),
  CHECK ((version_number = 1) = (correction_reason IS NULL)),
  CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 10 AND 4000)
);
COMMENT ON TABLE call_version IS 'The rules of a call in numbered versions: 1 is drafted then published; each later one is a published correction.';
COMMENT ON COLUMN call_version.rules IS 'The rule set, validated by CallRules in features/calls/calls.schemas.ts: eligibility, questions, criteria (points table), tieBreakers, requiredDocuments, allocation (places per site × group, or a budget with amounts by ISEE band), appealDays.';
COMMENT ON COLUMN call_version.opens_at IS 'When applications open (entered as a date-time in Europe/Rome).';
COMMENT ON COLUMN call_version.published_at IS 'Null while a draft; once set, rules, dates and reason never change (trigger).';
COMMENT ON COLUMN call_version.correction_reason IS 'Public reason of a correction (versions after the first), shown with the call.';

-- A published version is immutable, whatever path the write takes: only a draft's rules may change.
CREATE FUNCTION call_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'call % version % is published: it is never changed or deleted', OLD.call_id, OLD.version_number USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a call version is never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER call_version_published_immutable BEFORE UPDATE OR DELETE ON call_version
  FOR EACH ROW EXECUTE FUNCTION call_version_refuse_change();
