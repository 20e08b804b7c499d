-- Referrals (invii) from a case to specialist services and petitions to the court for a support
-- administrator (ricorso per amministratore di sostegno, art. 404 ss. c.c.). Both are case content:
-- read and written only through the case's access gate, every change dated and versioned.

CREATE TABLE case_referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  service text NOT NULL CHECK (service IN ('minors_protection', 'disability_uvm', 'elderly_uvg', 'ausl_csm', 'ausl_serdp', 'ausl_consultorio', 'employment_centre', 'other')),
  service_name text CHECK (length(service_name) BETWEEN 1 AND 200),
  contact_name text CHECK (length(contact_name) <= 200),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 10000),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
  urgency text NOT NULL DEFAULT 'ordinary' CHECK (urgency IN ('ordinary', 'urgent')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'acknowledged', 'answered', 'refused', 'withdrawn')),
  sent_on date,
  sent_by uuid REFERENCES app_user (id),
  answer_on date,
  answer_text text CHECK (length(answer_text) <= 10000),
  answer_outcome text CHECK (answer_outcome IN ('taken_in_charge', 'assessment_planned', 'advice_given', 'not_competent', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((service = 'other') = (service_name IS NOT NULL)),
  CHECK ((status = 'draft') = (sent_on IS NULL)),
  CHECK ((status IN ('answered', 'refused')) = (answer_on IS NOT NULL))
);
COMMENT ON TABLE case_referral IS 'A referral of a case to a specialist service (tutela minori, UVM, UVG, Ausl services, centro per l''impiego…).';
COMMENT ON COLUMN case_referral.service IS 'The receiving service, from the code list; ''other'' needs service_name.';
COMMENT ON COLUMN case_referral.contact_name IS 'The office or person of the receiving body the referral is addressed to.';
COMMENT ON COLUMN case_referral.question IS 'What the social worker asks the receiving service (quesito).';
COMMENT ON COLUMN case_referral.answer_outcome IS 'What the receiving service answered, coded; refused referrals keep the reason in answer_text.';
COMMENT ON COLUMN case_referral.version IS 'Incremented at every change: a change naming an older version gets 412.';
CREATE INDEX case_referral_case_idx ON case_referral (case_id, created_at);

CREATE TABLE case_referral_document (
  referral_id uuid NOT NULL REFERENCES case_referral (id),
  document_id uuid NOT NULL REFERENCES case_document (id),
  PRIMARY KEY (referral_id, document_id)
);
COMMENT ON TABLE case_referral_document IS 'Documents of the same case attached to a referral (checked by the service: same case, not withdrawn).';

-- The service refuses other cases' documents with a clear message; the trigger keeps it true whatever writes.
CREATE OR REPLACE FUNCTION case_referral_document_same_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM case_referral r JOIN case_document d ON d.case_id = r.case_id
    WHERE r.id = NEW.referral_id AND d.id = NEW.document_id
  ) THEN
    RAISE EXCEPTION 'a referral can only attach documents of its own case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_referral_document_same_case BEFORE INSERT OR UPDATE ON case_referral_document
  FOR EACH ROW EXECUTE FUNCTION case_referral_document_same_case();

CREATE TABLE case_referral_status_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES case_referral (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  changed_on date NOT NULL,
  note text CHECK (length(note) <= 2000),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON COLUMN case_referral_status_change.changed_on IS 'The day the transition happened (sent, acknowledged, answered…), as the worker states it.';
CREATE INDEX case_referral_status_change_idx ON case_referral_status_change (referral_id, changed_at);

CREATE TABLE case_petition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  beneficiary_person_id uuid NOT NULL REFERENCES person (id),
  court_name text NOT NULL CHECK (length(court_name) BETWEEN 1 AND 200),
  reasons text NOT NULL CHECK (length(reasons) <= 20000),
  administrator_name text CHECK (length(administrator_name) <= 200),
  administrator_relation text CHECK (length(administrator_relation) <= 200),
  acts text NOT NULL CHECK (length(acts) <= 10000),
  persons_to_hear jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'filed', 'hearing_scheduled', 'decided', 'withdrawn')),
  filed_on date,
  docket_number text CHECK (length(docket_number) BETWEEN 1 AND 100),
  hearing_on date,
  decided_on date,
  decision_outcome text CHECK (decision_outcome IN ('appointed', 'rejected')),
  appointed_administrator text CHECK (length(appointed_administrator) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  CHECK ((decided_on IS NULL) = (decision_outcome IS NULL)),
  CHECK (status <> 'decided' OR decided_on IS NOT NULL)
);
COMMENT ON TABLE case_petition IS 'A petition (ricorso) to the court for a support administrator (art. 404 ss. c.c.), drafted from the case data.';
COMMENT ON COLUMN case_petition.court_name IS 'The competent court (by the beneficiary''s residence), free text.';
COMMENT ON COLUMN case_petition.reasons IS 'The social worker''s report: why the person needs support.';
COMMENT ON COLUMN case_petition.acts IS 'The acts for which the administrator assists or represents the beneficiary.';
COMMENT ON COLUMN case_petition.persons_to_hear IS 'Relatives and household members to be heard: [{"name": …, "relation": …}], pre-filled from the household.';
COMMENT ON COLUMN case_petition.docket_number IS 'Court docket number (numero di ruolo, R.G. V.G.) given when filed.';
COMMENT ON COLUMN case_petition.version IS 'Incremented at every change: a change naming an older version gets 412.';
CREATE INDEX case_petition_case_idx ON case_petition (case_id, created_at);

CREATE TABLE case_petition_status_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  petition_id uuid NOT NULL REFERENCES case_petition (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  changed_on date NOT NULL,
  note text CHECK (length(note) <= 2000),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX case_petition_status_change_idx ON case_petition_status_change (petition_id, changed_at);
