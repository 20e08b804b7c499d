CREATE TABLE access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL,
  role text NOT NULL,
  grant_id uuid,
  person_id uuid,
  municipality_code text,
  record_type text NOT NULL,
  record_id text,
  action text NOT NULL CHECK (action IN ('read', 'search', 'create', 'update', 'export', 'print')),
  purpose text,
  request_id text NOT NULL,
  client_address text
);
COMMENT ON TABLE access_log IS 'Append-only record of every read or write of personal data (who, whose, what, why, when). Kept forever by default.';
COMMENT ON COLUMN access_log.grant_id IS 'The grant (role + territory) under which the access was allowed.';
COMMENT ON COLUMN access_log.municipality_code IS 'Territory of the record, so a manager sees the log of its territory.';
CREATE INDEX access_log_person_idx ON access_log (person_id, at DESC);
CREATE INDEX access_log_municipality_idx ON access_log (municipality_code, at DESC);
CREATE INDEX access_log_user_idx ON access_log (user_id, at DESC);

-- Grants alone cannot protect the log: PGlite runs as superuser. The table itself refuses change.
CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
