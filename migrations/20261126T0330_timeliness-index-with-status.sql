-- The timeliness report tells referrals still waiting from those closed (or taken in charge) without a
-- first interview: the index it reads by index-only scan now carries the status too.
DROP INDEX intake_item_timeliness_idx;
CREATE INDEX intake_item_timeliness_idx ON intake_item (referred_at, municipality_code) INCLUDE (first_interview_at, status);
