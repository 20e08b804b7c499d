-- Administrative procedures (procedimento amministrativo, L. 241/1990) started on a case by a request:
-- their legal deadline, suspensions and final decision. The deadline is computed by the service
-- (src/features/procedures/deadline.ts) and stored here, so lists read it without recomputing.
CREATE TABLE case_procedure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  procedure_type_id uuid NOT NULL REFERENCES procedure_type (id),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  started_on date NOT NULL,
  legal_days integer NOT NULL CHECK (legal_days BETWEEN 1 AND 365),
  due_on date NOT NULL,
  suspended_since date,
  outcome text CHECK (outcome IN ('granted', 'partially_granted', 'rejected', 'withdrawn', 'inadmissible')),
  decided_on date,
  decision_note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  CHECK ((outcome IS NULL) = (decided_on IS NULL)),
  CHECK (decided_on IS NULL OR decided_on >= started_on),
  CHECK (suspended_since IS NULL OR decided_on IS NULL),
  CHECK (due_on >= started_on + legal_days)
);
COMMENT ON COLUMN case_procedure.municipality_code IS 'The case''s territory when the procedure started (the subject may name the person).';
COMMENT ON COLUMN case_procedure.started_on IS 'Date the request was received: the term runs from here.';
COMMENT ON COLUMN case_procedure.legal_days IS 'Legal days of the procedure type when the procedure started (later changes to the type do not move it).';
COMMENT ON COLUMN case_procedure.due_on IS 'Deadline: started_on + legal_days + days of the ended suspensions (computed by deadline.ts).';
COMMENT ON COLUMN case_procedure.suspended_since IS 'Start of the open suspension, if any: the count of days is paused.';
COMMENT ON COLUMN case_procedure.outcome IS 'Final decision: it closes the procedure, with decided_on.';
CREATE INDEX case_procedure_case_idx ON case_procedure (case_id, started_on);
CREATE INDEX case_procedure_due_idx ON case_procedure (due_on) WHERE decided_on IS NULL AND suspended_since IS NULL;

CREATE TABLE case_procedure_suspension (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES case_procedure (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
COMMENT ON TABLE case_procedure_suspension IS 'Suspensions of the term (e.g. art. 2 c. 7 L. 241/1990, documents requested): no overlaps, checked by the service.';
COMMENT ON COLUMN case_procedure_suspension.ends_on IS 'Day the term resumes; null while the suspension is open. The deadline moves by ends_on - starts_on days.';
CREATE INDEX case_procedure_suspension_idx ON case_procedure_suspension (procedure_id, starts_on);
