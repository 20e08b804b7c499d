import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AssessmentStatus, Intensity } from './assessments.codes.ts';
import type { AssessedDimension, Preliminary, Sina } from './assessments.schemas.ts';
import type { MeetingContent } from './meetings.schemas.ts';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface CaseAssessmentTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  number: number;
  status: Generated<AssessmentStatus>;
  preliminary: JSONColumnType<Preliminary>;
  dimensions: JSONColumnType<AssessedDimension[]>;
  sina: JSONColumnType<Sina | null, string | null, string | null>;
  proposed_intensity: Intensity | null;
  intensity: Intensity | null;
  intensity_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
  completed_at: string | null;
  completed_by: string | null;
}

export interface CaseMeetingTable {
  id: Generated<string>;
  case_id: string;
  municipality_code: string;
  held_at: string;
  place: string;
  question: string;
  decisions: string;
  participants: JSONColumnType<MeetingContent['participants']>;
  follow_ups: JSONColumnType<MeetingContent['followUps']>;
  assessment_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  created_by: string;
  updated_at: Generated<string>;
  updated_by: string;
}

export interface CaseMeetingRevisionTable {
  id: Generated<string>;
  meeting_id: string;
  version: number;
  content: JSONColumnType<MeetingContent>;
  saved_at: string;
  saved_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    case_assessment: CaseAssessmentTable;
    case_meeting: CaseMeetingTable;
    case_meeting_revision: CaseMeetingRevisionTable;
  }
}
