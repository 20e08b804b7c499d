-- Letters to the persons of a case, written from a letter template: a draft the writer edits (with a
-- version against concurrent edits), then sent — a sent letter is never changed again.
CREATE TABLE case_letter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  template_id uuid REFERENCES letter_template (id),
  language text NOT NULL CHECK (language IN ('it', 'en')),
  recipient_person_id uuid REFERENCES person (id),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) <= 20000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  sent_at timestamptz,
  sent_by uuid REFERENCES app_user (id),
  gulpease_at_sending numeric(4, 1),
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL AND sent_by IS NOT NULL))
);
COMMENT ON COLUMN case_letter.template_id IS 'The template the text started from (the text is then the writer''s own).';
COMMENT ON COLUMN case_letter.recipient_person_id IS 'The person written to: the case''s beneficiary when the letter was created.';
COMMENT ON COLUMN case_letter.gulpease_at_sending IS 'Gulpease readability index (0–100) of the body when it was sent.';
COMMENT ON COLUMN case_letter.version IS 'Incremented at every save: a save naming an older version gets 412.';
CREATE INDEX case_letter_case_idx ON case_letter (case_id, created_at);

CREATE OR REPLACE FUNCTION case_letter_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'sent' THEN
    RAISE EXCEPTION 'a sent letter is never changed or deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_letter_sent_immutable BEFORE UPDATE OR DELETE ON case_letter
  FOR EACH ROW EXECUTE FUNCTION case_letter_refuse_change();
