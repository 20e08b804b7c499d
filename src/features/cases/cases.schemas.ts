import { z } from 'zod';
import { DiaryEntry } from '../case-diary/case-diary.schemas.ts';
import { CASE_LIST_SCOPES, CASE_PERSON_ROLES, CASE_STATUSES, CLOSURE_REASONS, OBJECTIVE_OUTCOMES } from './cases.codes.ts';

export const CaseStatus = z.enum(CASE_STATUSES);
export const CasePersonRole = z.enum(CASE_PERSON_ROLES);
const Version = z.number().int().min(1);
const Reason = z.string().trim().min(3, 'reasonRequired').max(2000);
const NeedAreas = z.array(z.string().min(1).max(20)).max(7);
const UserRef = z.object({ id: z.string(), displayName: z.string() });
const TeamRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const CasePersonInput = z.strictObject({ personId: z.uuid(), role: CasePersonRole });

export const OpenCaseBody = z.strictObject({
  persons: z.array(CasePersonInput).min(1).max(20),
  /** Default: the actor (a social worker). */
  ownerId: z.uuid().optional(),
  /** Default: the owner's team. */
  teamId: z.uuid().optional(),
  needAreaCodes: NeedAreas.default([]),
  nextReviewOn: z.iso.date().optional(),
  reason: Reason.optional(),
});
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;

export const OpenFromIntakeBody = z.strictObject({
  /** Default: the social worker the item is assigned to, else the actor. */
  ownerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  needAreaCodes: NeedAreas.optional(),
  nextReviewOn: z.iso.date().optional(),
  /** The intake item's version as seen: a stale one gets 412. */
  version: Version,
});
export type OpenFromIntakeBody = z.infer<typeof OpenFromIntakeBody>;

export const ObjectiveOutcomeInput = z.strictObject({ objectiveId: z.string().min(1).max(100), outcome: z.enum(OBJECTIVE_OUTCOMES), note: z.string().max(2000).nullable().default(null) });

export const StatusChangeBody = z.strictObject({
  to: CaseStatus,
  reason: Reason,
  closureReason: z.enum(CLOSURE_REASONS).optional(),
  closureOutcome: z.string().trim().max(4000).optional(),
  objectiveOutcomes: z.array(ObjectiveOutcomeInput).max(100).optional(),
  version: Version,
});
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;

export const TransferBody = z.strictObject({ ownerId: z.uuid(), teamId: z.uuid().nullable().optional(), reason: Reason, version: Version });
export type TransferBody = z.infer<typeof TransferBody>;

export const UpdateCaseBody = z.strictObject({ needAreaCodes: NeedAreas.optional(), nextReviewOn: z.iso.date().nullable().optional(), version: Version });
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

export const AddPersonBody = z.strictObject({ personId: z.uuid(), role: CasePersonRole, version: Version });
export type AddPersonBody = z.infer<typeof AddPersonBody>;
export const VersionBody = z.strictObject({ version: Version });

export const BreakGlassBody = z.strictObject({ reason: Reason });
export type BreakGlassBody = z.infer<typeof BreakGlassBody>;

export const CaseListQuery = z.strictObject({
  scope: z.enum(CASE_LIST_SCOPES).default('mine'),
  status: z.enum([...CASE_STATUSES, 'active', 'all']).default('active'),
  q: z.string().trim().max(100).optional(),
  reviewDue: z.enum(['true', 'false']).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CasePerson = z.object({ personId: z.string(), familyName: z.string(), givenName: z.string(), fiscalCode: z.string().nullable(), role: CasePersonRole });

/** What everybody allowed to know the case sees: it exists, who owns it, whom to call. */
export const CaseExistence = z.object({
  access: z.literal('exists'),
  id: z.string(),
  reference: z.string(),
  /** Null for the front desk: only that a case exists and whom to call. */
  status: CaseStatus.nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  owner: UserRef,
  team: TeamRef,
});
export type CaseExistence = z.infer<typeof CaseExistence>;

export const CaseSummary = z.object({
  access: z.literal('full'),
  id: z.string(),
  reference: z.string(),
  status: CaseStatus,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  owner: UserRef,
  team: TeamRef,
  persons: z.array(CasePerson),
  needAreaCodes: z.array(z.string()),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  lastActivityAt: z.string(),
  openedAt: z.string(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListRow = z.discriminatedUnion('access', [CaseSummary, CaseExistence]);
export type CaseListRow = z.infer<typeof CaseListRow>;

export const StatusChange = z.object({ id: z.string(), from: CaseStatus.nullable(), to: CaseStatus, reason: z.string(), at: z.string(), by: UserRef });
export const Transfer = z.object({ id: z.string(), fromOwner: UserRef, toOwner: UserRef, fromTeam: TeamRef, toTeam: TeamRef, reason: z.string(), at: z.string(), by: UserRef });

export const CaseDetail = CaseSummary.extend({
  intakeItemId: z.string().nullable(),
  openedBy: UserRef,
  closedAt: z.string().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureOutcome: z.string().nullable(),
  /** The outcome of each objective of the plan version in force at closure, with the objective's text. */
  objectiveOutcomes: z.array(z.object({ objectiveId: z.string(), objective: z.string().nullable(), outcome: z.enum(OBJECTIVE_OUTCOMES), note: z.string().nullable() })).nullable(),
  allowedTransitions: z.array(CaseStatus),
  statusHistory: z.array(StatusChange),
  transfers: z.array(Transfer),
  /** When the actor reads through break the glass: until when. */
  breakGlassUntil: z.string().nullable(),
  canTransfer: z.boolean(),
  /** The last current diary entries, newest first (the case page shows them without another request). */
  recentDiary: z.array(DiaryEntry),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseView = z.discriminatedUnion('access', [CaseDetail, CaseExistence]);
export type CaseView = z.infer<typeof CaseView>;

export const BreakGlassGrant = z.object({ id: z.string(), caseId: z.string(), reference: z.string(), user: UserRef, reason: z.string(), grantedAt: z.string(), expiresAt: z.string() });
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;

export const EligibleOwner = z.object({ id: z.string(), displayName: z.string(), teams: z.array(z.object({ id: z.string(), name: z.string() })) });
export type EligibleOwner = z.infer<typeof EligibleOwner>;
