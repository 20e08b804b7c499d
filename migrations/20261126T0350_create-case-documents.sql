-- Documents attached to a case (identity documents, certificates, ISEE, court orders, correspondence):
-- metadata here; the bytes either here (content, bytea: the default) or in the folder TRAMA_DOCUMENTS_DIR,
-- under a file named by the document id. A document is withdrawn with a reason, never deleted.
CREATE TABLE case_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  category text NOT NULL CHECK (category IN ('identity_document', 'medical_certificate', 'isee', 'court_order', 'correspondence', 'other')),
  original_filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage text NOT NULL CHECK (storage IN ('database', 'folder')),
  content bytea,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by uuid NOT NULL REFERENCES app_user (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user (id),
  withdrawal_reason text,
  CHECK ((storage = 'database') = (content IS NOT NULL)),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL))
);
COMMENT ON TABLE case_document IS 'A file attached to a case; its type was checked from its content (not its name or the browser''s claim).';
COMMENT ON COLUMN case_document.municipality_code IS 'The case''s territory, copied for scoping and retention.';
COMMENT ON COLUMN case_document.original_filename IS 'The name the file had on the uploader''s computer: shown, never used to store the file.';
COMMENT ON COLUMN case_document.media_type IS 'Media type detected from the content (file-type), e.g. application/pdf.';
COMMENT ON COLUMN case_document.sha256 IS 'Hex SHA-256 of the bytes at upload: detects a file changed in the folder.';
COMMENT ON COLUMN case_document.storage IS 'Where the bytes are: database (content) or folder (TRAMA_DOCUMENTS_DIR/<id>).';
COMMENT ON COLUMN case_document.content IS 'The bytes when storage = database; null when stored in the folder.';
COMMENT ON COLUMN case_document.withdrawal_reason IS 'Why the document was withdrawn (wrong file, superseded…): it stays on record.';
CREATE INDEX case_document_case_idx ON case_document (case_id, uploaded_at);

CREATE OR REPLACE FUNCTION case_document_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_document rows are withdrawn, never deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_document_no_delete BEFORE DELETE ON case_document
  FOR EACH ROW EXECUTE FUNCTION case_document_refuse_delete();
