-- In-app notifications of the worklist. Design: no row per notification. The worklist items are
-- computed from the cases (review date past, no activity, procedure deadlines); each item has the day
-- it started to need attention, and a user's "seen up to" marker tells new items from seen ones.
-- Marking as seen moves the marker to now: one row per user, the header counter is one count query.
CREATE TABLE worklist_seen (
  user_id uuid PRIMARY KEY REFERENCES app_user (id),
  seen_on date NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE worklist_seen IS 'Per user, the day up to which the worklist notifications were seen: items that needed attention from a later day count as new.';

-- The "no activity for N days" list scans open cases by last activity, oldest first.
CREATE INDEX case_record_activity_idx ON case_record (last_activity_at) WHERE status <> 'closed';
