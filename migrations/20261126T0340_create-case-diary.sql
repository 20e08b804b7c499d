-- The professional diary of a case (diario professionale): dated entries of interviews, home visits,
-- phone calls, meetings, with participants and time spent. Entries are never edited in place silently
-- nor deleted: a correction writes a new version with its reason, and every version stays stored.

CREATE TABLE case_diary_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  kind text NOT NULL CHECK (kind IN ('interview', 'home_visit', 'phone_call', 'network_meeting', 'service_meeting', 'correspondence', 'other')),
  occurred_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  external_participants jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  author_id uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  corrected_at timestamptz,
  corrected_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE case_diary_entry IS 'The current version of each diary entry; every version (this one included) is in case_diary_entry_version.';
COMMENT ON COLUMN case_diary_entry.municipality_code IS 'The case''s municipality when the entry was written: scopes workload reports by territory.';
COMMENT ON COLUMN case_diary_entry.kind IS 'interview (colloquio), home_visit, phone_call, network_meeting (incontro di rete), service_meeting (with other services), correspondence (e-mail/letter), other.';
COMMENT ON COLUMN case_diary_entry.occurred_at IS 'When the activity happened (never in the future, checked by the service).';
COMMENT ON COLUMN case_diary_entry.minutes IS 'Time spent, in minutes (1 to 1440): feeds the workload measure through case_diary_time.';
COMMENT ON COLUMN case_diary_entry.external_participants IS 'People from outside the service: [{"name": "dott.ssa Neri", "body": "Ausl"}].';
COMMENT ON COLUMN case_diary_entry.version IS 'Current version number: 1 when written, + 1 at each correction; a correction naming another version gets 412.';
COMMENT ON COLUMN case_diary_entry.author_id IS 'Who wrote the first version (corrections keep the author; corrected_by names who corrected last).';
CREATE INDEX case_diary_entry_case_idx ON case_diary_entry (case_id, occurred_at DESC, id DESC);
CREATE INDEX case_diary_entry_case_kind_idx ON case_diary_entry (case_id, kind, occurred_at DESC);

CREATE TABLE case_diary_entry_version (
  entry_id uuid NOT NULL REFERENCES case_diary_entry (id),
  version integer NOT NULL CHECK (version >= 1),
  kind text NOT NULL,
  occurred_at timestamptz NOT NULL,
  minutes integer NOT NULL,
  body text NOT NULL,
  internal_participant_ids jsonb NOT NULL,
  external_participants jsonb NOT NULL,
  correction_reason text,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (entry_id, version),
  CHECK ((version = 1) = (correction_reason IS NULL))
);
COMMENT ON TABLE case_diary_entry_version IS 'Every version of every diary entry as saved, never changed: the history shown to the case owner and the service manager.';
COMMENT ON COLUMN case_diary_entry_version.internal_participant_ids IS 'The app_user ids of the internal participants of this version (JSON array), the author included.';
COMMENT ON COLUMN case_diary_entry_version.correction_reason IS 'Why this version corrects the previous one; null for the first version.';

CREATE TABLE case_diary_time (
  entry_id uuid NOT NULL REFERENCES case_diary_entry (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  worked_on date NOT NULL,
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  PRIMARY KEY (entry_id, user_id)
);
COMMENT ON TABLE case_diary_time IS 'Time each internal participant spent on the current version of an entry (the author always among them): workload sums minutes per worker per day from here.';
COMMENT ON COLUMN case_diary_time.worked_on IS 'The day of occurred_at in Europe/Rome.';
CREATE INDEX case_diary_time_user_day_idx ON case_diary_time (user_id, worked_on);
CREATE INDEX case_diary_time_territory_day_idx ON case_diary_time (municipality_code, worked_on);
