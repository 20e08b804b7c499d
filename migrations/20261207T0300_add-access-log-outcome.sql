-- A refused attempt to read case content (the case exists but is not the actor's: 403) is logged too, so a
-- manager sees who tried. The row is written in a transaction of its own after the refused request's
-- transaction rolled back. Adding a column with a default rewrites no row: the append-only trigger stays quiet.
ALTER TABLE access_log
  ADD COLUMN outcome text NOT NULL DEFAULT 'allowed' CHECK (outcome IN ('allowed', 'refused'));
COMMENT ON COLUMN access_log.outcome IS 'allowed: the data was read or written; refused: the attempt was refused (403) and nothing was shown.';
