-- How many days before its legal deadline a procedure counts as "near the deadline" (worklist, case page,
-- overdue list): a manager sets it with the inactivity threshold; 7 was fixed in the code before.
ALTER TABLE case_settings
  ADD COLUMN near_deadline_days integer NOT NULL DEFAULT 7 CHECK (near_deadline_days BETWEEN 1 AND 90);
COMMENT ON COLUMN case_settings.near_deadline_days IS 'Days before the legal deadline from which an undecided procedure is flagged as near its deadline.';
