-- Signing in, issue 13: every password check is recorded *before* the password is verified, so parallel
-- guesses see each other; the throttle is per (username, address), with a delay instead of a lock-out.
ALTER TABLE login_attempt ALTER COLUMN succeeded DROP NOT NULL;
COMMENT ON COLUMN login_attempt.succeeded IS 'NULL while the password is being checked: an attempt in flight counts as a failure, so parallel guesses cannot all get past the throttle.';

ALTER TABLE login_attempt ADD COLUMN kind text NOT NULL DEFAULT 'login' CHECK (kind IN ('login', 'unlock', 'password'));
COMMENT ON COLUMN login_attempt.kind IS 'What the password was given for: signing in, unlocking a locked session, or confirming a password change.';

ALTER TABLE login_attempt ADD COLUMN session_id text;
COMMENT ON COLUMN login_attempt.session_id IS 'For unlock and password attempts, the session (session.id) they were made in: too many failures end it.';

CREATE INDEX login_attempt_address_idx ON login_attempt (client_address, at DESC);
CREATE INDEX login_attempt_session_idx ON login_attempt (session_id) WHERE session_id IS NOT NULL;

ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN app_user.must_change_password IS 'Set when an administrator chose the password (new user, reset): the user must replace it before doing anything else.';
