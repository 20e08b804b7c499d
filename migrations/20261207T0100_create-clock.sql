-- Trama's clock in the database. The application may run on another date than the machine's (TRAMA_NOW,
-- used to run the suite "on" awkward days); it then sets trama.clock_offset (seconds) on every connection,
-- and every SQL "now" and "today" reads these functions, so the database and the application agree.
-- Without the setting they are now() and today in Italy.
CREATE FUNCTION trama_now() RETURNS timestamptz
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT now() + make_interval(secs => coalesce(nullif(current_setting('trama.clock_offset', true), '')::double precision, 0)) $$;
COMMENT ON FUNCTION trama_now() IS 'now() on Trama''s clock: shifted by the connection setting trama.clock_offset (seconds), if any.';

-- The working day is the Italian one whatever the session time zone (connections run in UTC): current_date
-- would still be yesterday between midnight and 01:00/02:00 in Italy.
CREATE FUNCTION trama_today() RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (trama_now() AT TIME ZONE 'Europe/Rome')::date $$;
COMMENT ON FUNCTION trama_today() IS 'Today in Italy (Europe/Rome) on Trama''s clock.';

-- Every "created at"-style default follows the same clock.
DO $$
DECLARE
  col record;
BEGIN
  FOR col IN
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_default = 'now()' AND table_name <> 'schema_migration'
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET DEFAULT trama_now()', col.table_name, col.column_name);
  END LOOP;
END
$$;
