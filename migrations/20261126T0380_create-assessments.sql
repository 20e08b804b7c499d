-- The multidimensional assessment of a case: a series of versions, each a preliminary analysis (analisi
-- preliminare), an in-depth assessment (quadro di approfondimento) over the configured dimensions, an
-- optional SIUSS SINA block, and the proposed and chosen intensity of taking charge. A new version never
-- overwrites an old one; a completed version can no longer change (enforced by trigger).
CREATE TABLE case_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  preliminary jsonb NOT NULL DEFAULT '{}',
  dimensions jsonb NOT NULL DEFAULT '[]',
  sina jsonb,
  proposed_intensity text CHECK (proposed_intensity IN ('low', 'medium', 'high', 'very_high')),
  intensity text CHECK (intensity IN ('low', 'medium', 'high', 'very_high')),
  intensity_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  completed_at timestamptz,
  completed_by uuid REFERENCES app_user (id),
  UNIQUE (case_id, number),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND completed_by IS NOT NULL))
);
COMMENT ON TABLE case_assessment IS 'One version of a case''s multidimensional assessment; versions are numbered per case and never overwritten.';
COMMENT ON COLUMN case_assessment.municipality_code IS 'The case''s territory when the version was created.';
COMMENT ON COLUMN case_assessment.number IS 'Version number within the case: 1, 2, …';
COMMENT ON COLUMN case_assessment.preliminary IS 'Preliminary analysis: {"request", "needs", "resources", "notes": text, "inDepthNeeded": boolean}.';
COMMENT ON COLUMN case_assessment.dimensions IS 'In-depth assessment with the dimension definitions snapshotted when the version was created: [{"code", "nameIt", "nameEn", "scaleMin", "scaleMax", "levelLabels", "score", "notes"}]; later configuration changes do not alter it.';
COMMENT ON COLUMN case_assessment.sina IS 'SIUSS SINA block (flow PS_PSA_SINA): {"Mobilita": "1", …, "DataValutazione": "YYYY-MM-DD"}; codes checked against siuss-enumerazioni.csv. Null when not relevant.';
COMMENT ON COLUMN case_assessment.proposed_intensity IS 'Intensity of taking charge derived from the scores (rule in src/features/assessments/intensity.ts).';
COMMENT ON COLUMN case_assessment.intensity IS 'Intensity chosen by the worker: the proposed one, or another with intensity_reason.';
COMMENT ON COLUMN case_assessment.version IS 'Optimistic lock of the draft: a save with a stale version is refused (HTTP 412).';
CREATE INDEX case_assessment_case_idx ON case_assessment (case_id, number);
CREATE UNIQUE INDEX case_assessment_one_draft_idx ON case_assessment (case_id) WHERE status = 'draft';

CREATE OR REPLACE FUNCTION case_assessment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'completed' THEN
    RAISE EXCEPTION 'case_assessment: a completed version or any deletion is not allowed';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER case_assessment_immutable BEFORE UPDATE OR DELETE ON case_assessment
  FOR EACH ROW EXECUTE FUNCTION case_assessment_refuse_change();
