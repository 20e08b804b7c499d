CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
COMMENT ON COLUMN app_user.password_hash IS 'argon2id (PHC string).';

CREATE TABLE user_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('front_desk', 'social_worker', 'service_manager', 'clerk', 'provider', 'official', 'citizen', 'admin')),
  territory_kind text NOT NULL CHECK (territory_kind IN ('area', 'municipality', 'union', 'district')),
  territory_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, territory_kind, territory_id)
);
COMMENT ON COLUMN user_grant.territory_id IS 'ISTAT code for a municipality, else the id of the area or territory_group.';
CREATE INDEX user_grant_user_idx ON user_grant (user_id);

CREATE TABLE team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, name)
);
COMMENT ON TABLE team IS 'Équipe of social workers; cases will belong to a team.';

CREATE TABLE team_member (
  team_id uuid NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user_idx ON team_member (user_id);

CREATE TABLE session (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  locked_at timestamptz,
  revoked_at timestamptz,
  client_address text
);
COMMENT ON COLUMN session.id IS 'SHA-256 of the opaque cookie token: a leaked table does not yield usable cookies.';
COMMENT ON COLUMN session.locked_at IS 'Set when the screen locked after idle minutes: personal data is refused until the password is given again.';
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  client_address text,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE login_attempt IS 'Throttling of repeated failures, shared by every app server.';
CREATE INDEX login_attempt_username_idx ON login_attempt (username, at DESC);
