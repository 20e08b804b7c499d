-- Economic contributions of a personalised project: proposed by a social worker inside the plan, approved or
-- rejected by the team in a recorded meeting, paid through a monthly payment list per municipality that a
-- clerk checks, closes and exports. Money is integer euro cents everywhere.
CREATE TABLE contribution_ceiling (
  municipality_code text PRIMARY KEY REFERENCES municipality (istat_code),
  person_yearly_cents bigint CHECK (person_yearly_cents >= 0),
  household_yearly_cents bigint CHECK (household_yearly_cents >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE contribution_ceiling IS 'Yearly ceiling of contributions per person and per household of a municipality, set by the service manager; null = no ceiling.';
COMMENT ON COLUMN contribution_ceiling.person_yearly_cents IS 'Most a person may receive in a calendar year (approved + proposed contributions), euro cents.';
COMMENT ON COLUMN contribution_ceiling.household_yearly_cents IS 'Most the members of one household together may receive in a calendar year, euro cents.';

CREATE TABLE contribution (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES case_record (id),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  plan_id uuid NOT NULL REFERENCES care_plan (id),
  item_key uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  household_id uuid REFERENCES household (id),
  kind text NOT NULL CHECK (kind IN ('one_off', 'monthly')),
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  first_month date NOT NULL CHECK (extract(day FROM first_month) = 1),
  months integer NOT NULL CHECK (months BETWEEN 1 AND 36),
  reason text NOT NULL,
  commitment_keys uuid[] NOT NULL DEFAULT '{}',
  funding_line text NOT NULL CHECK (funding_line IN ('municipal_social_fund', 'poverty_fund', 'non_self_sufficiency_fund', 'region', 'other')),
  payment_method text NOT NULL CHECK (payment_method IN ('bank_transfer', 'cash')),
  iban text,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'revoked')),
  proposed_by uuid NOT NULL REFERENCES app_user (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decision_id uuid,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES app_user (id),
  revoke_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK (kind = 'monthly' OR months = 1),
  CHECK ((payment_method = 'bank_transfer') = (iban IS NOT NULL))
);
COMMENT ON TABLE contribution IS 'An economic contribution proposed in a case''s plan: one-off or monthly for `months` months from first_month.';
COMMENT ON COLUMN contribution.municipality_code IS 'The case''s municipality when proposed: its payment lists pay the contribution.';
COMMENT ON COLUMN contribution.plan_id IS 'The plan version the contribution was proposed in.';
COMMENT ON COLUMN contribution.item_key IS 'The contribution as an item of the plan, stable across versions.';
COMMENT ON COLUMN contribution.person_id IS 'The beneficiary, a person of the case.';
COMMENT ON COLUMN contribution.household_id IS 'The beneficiary''s household when proposed (for the household ceiling); null if none.';
COMMENT ON COLUMN contribution.amount_cents IS 'Amount of each month (or the one-off amount), euro cents.';
COMMENT ON COLUMN contribution.commitment_keys IS 'item_key of the care_plan_commitment rows (the pact) the contribution is linked to.';
COMMENT ON COLUMN contribution.funding_line IS 'Budget line paying it (code list in contributions.codes.ts).';
COMMENT ON COLUMN contribution.iban IS 'IBAN of a bank transfer (checksum verified), upper case without spaces.';
COMMENT ON COLUMN contribution.decision_id IS 'The team meeting decision that approved or rejected it.';
CREATE INDEX contribution_case_idx ON contribution (case_id, proposed_at);
CREATE INDEX contribution_person_idx ON contribution (person_id, status);
CREATE INDEX contribution_household_idx ON contribution (household_id, status);
CREATE INDEX contribution_status_idx ON contribution (municipality_code, status);

CREATE TABLE contribution_override (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contribution_id uuid NOT NULL REFERENCES contribution (id),
  ceiling text NOT NULL CHECK (ceiling IN ('person', 'household')),
  year integer NOT NULL,
  ceiling_cents bigint NOT NULL,
  total_cents bigint NOT NULL,
  reason text NOT NULL,
  overridden_by uuid NOT NULL REFERENCES app_user (id),
  overridden_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE contribution_override IS 'A service manager let a contribution exceed a yearly ceiling, with the reason: one row per ceiling and year exceeded.';
COMMENT ON COLUMN contribution_override.total_cents IS 'Approved + proposed total of the year with this contribution, euro cents.';

CREATE TABLE team_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid REFERENCES team (id),
  held_on date NOT NULL,
  participant_ids uuid[] NOT NULL DEFAULT '{}',
  other_participants text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE team_meeting IS 'A team meeting that decided on contributions: date, participants, decisions (team_meeting_decision).';
COMMENT ON COLUMN team_meeting.participant_ids IS 'Trama users present (app_user.id).';
COMMENT ON COLUMN team_meeting.other_participants IS 'Participants without a Trama account, as free text.';

CREATE TABLE team_meeting_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES team_meeting (id),
  contribution_id uuid NOT NULL UNIQUE REFERENCES contribution (id),
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  note text NOT NULL DEFAULT '',
  decided_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON TABLE team_meeting_decision IS 'The approval or rejection of one contribution in a team meeting; decided_by (who recorded it) is never its proposer.';
ALTER TABLE contribution ADD FOREIGN KEY (decision_id) REFERENCES team_meeting_decision (id);

CREATE TABLE payment_list (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipality (istat_code),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'checked', 'closed')),
  checked_at timestamptz,
  checked_by uuid REFERENCES app_user (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (municipality_code, month)
);
COMMENT ON TABLE payment_list IS 'The monthly list of contribution payments of a municipality: open → checked (by a clerk) → closed (immutable, exported).';

CREATE TABLE payment_line (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id uuid NOT NULL REFERENCES payment_list (id),
  contribution_id uuid NOT NULL REFERENCES contribution (id),
  person_id uuid NOT NULL REFERENCES person (id),
  due_month date NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents <> 0),
  funding_line text NOT NULL,
  kind text NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'correction')),
  corrects_line_id uuid REFERENCES payment_line (id),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES app_user (id)
);
COMMENT ON TABLE payment_line IS 'One payment of a list: a month of a contribution, or a correcting line (negative or positive) of a line in a closed list.';
COMMENT ON COLUMN payment_line.due_month IS 'The month of the contribution this line pays (a late approval or a correction is paid in a later list).';
COMMENT ON COLUMN payment_line.corrects_line_id IS 'For a correction: the line of a closed list it corrects.';
CREATE INDEX payment_line_list_idx ON payment_line (list_id);
CREATE INDEX payment_line_contribution_idx ON payment_line (contribution_id);

-- A closed list and its lines never change: the database refuses it too, whatever the application does.
CREATE FUNCTION payment_list_closed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'payment list % is closed: it cannot change', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_list_immutable BEFORE UPDATE OR DELETE ON payment_list FOR EACH ROW EXECUTE FUNCTION payment_list_closed_immutable();

CREATE FUNCTION payment_line_closed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.list_id ELSE OLD.list_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM payment_list WHERE id = target AND status = 'closed') OR
     (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM payment_list WHERE id = NEW.list_id AND status = 'closed')) THEN
    RAISE EXCEPTION 'payment list % is closed: its lines cannot change', target;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_line_immutable BEFORE INSERT OR UPDATE OR DELETE ON payment_line FOR EACH ROW EXECUTE FUNCTION payment_line_closed_immutable();
