import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { PetitionOutcome, PetitionStatus, ReferralOutcome, ReferralService, ReferralStatus, ReferralUrgency } from './referrals.codes.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface CaseReferralTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  service: ReferralService;
  service_name: string | null;
  contact_name: string | null;
  reason: string;
  question: string;
  urgency: Generated<ReferralUrgency>;
  status: Generated<ReferralStatus>;
  sent_on: string | null;
  sent_by: string | null;
  answer_on: string | null;
  answer_text: string | null;
  answer_outcome: ReferralOutcome | null;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

export interface CaseReferralDocumentTable {
  referral_id: string;
  document_id: string;
}

export interface StatusChangeTable<S> {
  id: Generated<string>;
  from_status: S;
  to_status: S;
  changed_on: string;
  note: string | null;
  changed_at: CreatedAt;
  changed_by: string;
}

export interface PersonToHear {
  name: string;
  relation: string;
}

export interface CasePetitionTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  beneficiary_person_id: string;
  court_name: string;
  reasons: string;
  administrator_name: string | null;
  administrator_relation: string | null;
  acts: string;
  persons_to_hear: JSONColumnType<PersonToHear[]>;
  status: Generated<PetitionStatus>;
  filed_on: string | null;
  docket_number: string | null;
  hearing_on: string | null;
  decided_on: string | null;
  decision_outcome: PetitionOutcome | null;
  appointed_administrator: string | null;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  version: Generated<number>;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_referral: CaseReferralTable;
    case_referral_document: CaseReferralDocumentTable;
    case_referral_status_change: StatusChangeTable<ReferralStatus> & { referral_id: string };
    case_petition: CasePetitionTable;
    case_petition_status_change: StatusChangeTable<PetitionStatus> & { petition_id: string };
  }
}
