-- The access log only grows. It becomes a table partitioned by month (the month in Italy of `at`), so a month
-- older than the kept window can be exported and dropped whole (`trama access-log archive`) without ever
-- deleting a row, and "who read this person" reads one small index per month instead of one huge one.
-- Every existing row is copied with its id; the old table is dropped at the end.

ALTER TABLE access_log RENAME TO access_log_unpartitioned;
ALTER SEQUENCE access_log_id_seq RENAME TO access_log_unpartitioned_id_seq;
ALTER TABLE access_log_unpartitioned DROP CONSTRAINT access_log_pkey;
DROP INDEX access_log_person_idx, access_log_municipality_idx, access_log_user_idx;

-- LIKE keeps every column added since (outcome, …) with its default, checks and comments. A partitioned
-- table's primary key must include the partition column; the identity still makes ids unique.
CREATE TABLE access_log (
  LIKE access_log_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING COMMENTS,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
-- grantApplicationRole (src/platform/db/app-role.ts) reads "Append-only" at the start of this comment.
COMMENT ON TABLE access_log IS 'Append-only record of every read or write of personal data (who, whose, what, why, when). One partition per month in Italy (access_log_YYYY_MM) and a DEFAULT partition; at least 24 months are kept, older whole months are exported and dropped by the owner (trama access-log archive).';

-- Rows of a month without its partition (maintenance missed) land here rather than fail the request.
CREATE TABLE access_log_default PARTITION OF access_log DEFAULT;

-- Grants alone cannot protect the log (PGlite runs as superuser). Row triggers of a partitioned table are
-- cloned to every partition, present and future; a TRUNCATE trigger is not: TRUNCATE of one partition
-- fires only that partition's own, so each partition gets one (here and in access_log_add_months).
CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_default
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

CREATE FUNCTION access_log_partition_name(month date) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT format('access_log_%s_%s', extract(year FROM month), lpad(extract(month FROM month)::text, 2, '0')) $$;
COMMENT ON FUNCTION access_log_partition_name(date) IS 'Name of the access_log partition of the month starting on the given day: access_log_YYYY_MM.';

-- Creates the partitions of the given months (first days) that do not exist yet; returns how many. Rows of
-- those months already in the DEFAULT partition would make the creation fail: the DEFAULT partition is then
-- detached and replaced by an empty one, and its rows are inserted again through access_log (each to its
-- month) before the detached table is dropped. No row is deleted or changed, and the triggers stay on.
-- Runs as the tables' owner (migrations, `trama access-log`, or through access_log_prepare_partitions).
CREATE FUNCTION access_log_add_months(months date[]) RETURNS integer
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
DECLARE
  missing date[];
  month date;
  created integer := 0;
  settle boolean;
BEGIN
  SELECT coalesce(array_agg(DISTINCT m ORDER BY m), '{}') INTO missing
    FROM unnest(months) AS m
    WHERE to_regclass(access_log_partition_name(m)) IS NULL;
  IF cardinality(missing) = 0 THEN
    RETURN 0;
  END IF;
  -- Two servers starting together: the second waits for the first's transaction, then finds the months made.
  PERFORM pg_advisory_xact_lock(7264512012);
  SELECT coalesce(array_agg(m ORDER BY m), '{}') INTO missing FROM unnest(missing) AS m WHERE to_regclass(access_log_partition_name(m)) IS NULL;
  IF cardinality(missing) = 0 THEN
    RETURN 0;
  END IF;
  settle := EXISTS (SELECT 1 FROM access_log_default WHERE date_trunc('month', at AT TIME ZONE 'Europe/Rome')::date = ANY (missing));
  IF settle THEN
    ALTER TABLE access_log DETACH PARTITION access_log_default;
    ALTER TABLE access_log_default RENAME TO access_log_default_settling;
    CREATE TABLE access_log_default PARTITION OF access_log DEFAULT;
    CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_default
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
  END IF;
  FOREACH month IN ARRAY missing LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)',
      access_log_partition_name(month),
      month::timestamp AT TIME ZONE 'Europe/Rome',
      (month + interval '1 month')::timestamp AT TIME ZONE 'Europe/Rome');
    EXECUTE format('CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()',
      access_log_partition_name(month));
    created := created + 1;
  END LOOP;
  IF settle THEN
    INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT * FROM access_log_default_settling;
    DROP TABLE access_log_default_settling;
  END IF;
  RETURN created;
END $$;
REVOKE EXECUTE ON FUNCTION access_log_add_months(date[]) FROM PUBLIC;

-- The server may run as a role that cannot create tables (TRAMA_DATABASE_APP_ROLE). SECURITY DEFINER lets it
-- ask the owner's function for the partitions of this month and the next ones at start-up, and nothing
-- else: the function takes only a bounded number, names its tables itself and fixes its search_path.
CREATE FUNCTION access_log_prepare_partitions(months_ahead integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  months date[];
BEGIN
  IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 24 THEN
    RAISE EXCEPTION 'access_log_prepare_partitions: months_ahead must be 0 to 24, got %', months_ahead USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Read in a statement of its own: the DEFAULT partition may be replaced (and dropped) by the next one.
  months := ARRAY(
    SELECT (date_trunc('month', trama_today()) + make_interval(months => n))::date FROM generate_series(0, months_ahead) AS n
    UNION
    SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'Europe/Rome')::date FROM access_log_default);
  RETURN access_log_add_months(months);
END $$;
COMMENT ON FUNCTION access_log_prepare_partitions(integer) IS 'Creates the access_log partitions from this month (Italy, trama_today()) to months_ahead months ahead, and moves rows out of the DEFAULT partition into their months. Runs as the owner; returns the partitions created.';

-- The existing rows: one partition per month they cover, then the copy with their ids.
SELECT access_log_add_months(ARRAY(SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'Europe/Rome')::date FROM access_log_unpartitioned));
SELECT access_log_prepare_partitions(3);
INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT * FROM access_log_unpartitioned;
SELECT setval(pg_get_serial_sequence('access_log', 'id'), coalesce(max(id), 0) + 1, false) FROM access_log_unpartitioned;
DROP TABLE access_log_unpartitioned;

-- Built after the copy (faster); every partition, present and future, gets its own. The person index ends
-- with id: the audit page sorts by (at DESC, id DESC), so the newest page is read off the index in order.
CREATE INDEX access_log_person_idx ON access_log (person_id, at DESC, id DESC);
CREATE INDEX access_log_municipality_idx ON access_log (municipality_code, at DESC);
CREATE INDEX access_log_user_idx ON access_log (user_id, at DESC);
