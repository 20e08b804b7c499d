-- The administration trail: every change to users, grants, teams, territories and the settings admins and
-- managers configure (case settings, letter templates, catalogue, offices and rooms, contribution ceilings).
-- Written by the service in the same transaction as the change; never holds a password or its hash.
CREATE TABLE admin_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT trama_now(),
  actor_id uuid,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  municipality_codes text[],
  request_id text,
  client_address text
);
COMMENT ON TABLE admin_log IS 'Append-only record of administration changes: who, when, which entity, what action, state before and after.';
COMMENT ON COLUMN admin_log.actor_id IS 'The user who made the change (app_user.id); null for the command line (trama create-user).';
COMMENT ON COLUMN admin_log.entity_type IS 'What was changed: user, user_grant, team, territory_group, area, procedure_type, letter_template, …';
COMMENT ON COLUMN admin_log.before IS 'The entity before the change (null on create), without secrets.';
COMMENT ON COLUMN admin_log.after IS 'The entity after the change (null on removal), without secrets.';
COMMENT ON COLUMN admin_log.municipality_codes IS 'Municipalities the change concerns, so the territory''s managers see it; null = installation-wide reference data, seen by every manager and admin.';
CREATE INDEX admin_log_at_idx ON admin_log (at DESC, id DESC);
CREATE INDEX admin_log_entity_idx ON admin_log (entity_type, entity_id, at DESC);
CREATE INDEX admin_log_actor_idx ON admin_log (actor_id, at DESC);
CREATE INDEX admin_log_territory_idx ON admin_log USING gin (municipality_codes);

-- Like access_log: PGlite runs as superuser, so the table itself refuses change.
CREATE FUNCTION admin_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'admin_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER admin_log_no_update_delete BEFORE UPDATE OR DELETE ON admin_log
  FOR EACH ROW EXECUTE FUNCTION admin_log_refuse_change();
CREATE TRIGGER admin_log_no_truncate BEFORE TRUNCATE ON admin_log
  FOR EACH STATEMENT EXECUTE FUNCTION admin_log_refuse_change();
