-- Assessment meetings (UVM, Unità di Valutazione Multidimensionale) of a case: date, place, internal and
-- external participants, the question put, decisions and follow-ups; edits are versioned (each previous
-- state kept in case_meeting_revision) and a stale save is refused (HTTP 412).
CREATE TABLE case_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  held_at timestamptz NOT NULL,
  place text NOT NULL,
  question text NOT NULL,
  decisions text NOT NULL DEFAULT '',
  participants jsonb NOT NULL DEFAULT '[]',
  follow_ups jsonb NOT NULL DEFAULT '[]',
  assessment_id uuid REFERENCES case_assessment (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON COLUMN case_meeting.municipality_code IS 'The case''s territory when the meeting was recorded.';
COMMENT ON COLUMN case_meeting.question IS 'The question put to the meeting (quesito).';
COMMENT ON COLUMN case_meeting.participants IS '[{"kind": "internal", "userId", "name", "role", "present"} | {"kind": "external", "name", "role", "body", "present"}]; internal names snapshotted.';
COMMENT ON COLUMN case_meeting.follow_ups IS '[{"action", "who", "dueOn": "YYYY-MM-DD" | null, "done": boolean}]';
COMMENT ON COLUMN case_meeting.assessment_id IS 'The assessment version discussed, if any (same case: checked by the service).';
CREATE INDEX case_meeting_case_idx ON case_meeting (case_id, held_at);

CREATE TABLE case_meeting_revision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES case_meeting (id),
  version integer NOT NULL,
  content jsonb NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by uuid NOT NULL REFERENCES app_user (id),
  UNIQUE (meeting_id, version)
);
COMMENT ON TABLE case_meeting_revision IS 'Each previous state of a meeting record, kept when it is edited.';
COMMENT ON COLUMN case_meeting_revision.content IS 'The meeting''s fields at that version (held_at, place, question, decisions, participants, follow_ups, assessment_id).';
