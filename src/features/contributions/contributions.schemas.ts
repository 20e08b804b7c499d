import { z } from 'zod';
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, DECISIONS, FUNDING_LINES, PAYMENT_LINE_KINDS, PAYMENT_LIST_STATUSES, PAYMENT_METHODS } from './contributions.codes.ts';

const Text = (max: number) => z.string().trim().min(1, 'required').max(max);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Version = z.number().int().min(1);
const UserRef = z.object({ id: z.string(), displayName: z.string() });
/** Up to € 1,000,000 in cents. */
const Cents = z.number().int().min(1).max(100_000_000);

export const FundingLine = z.enum(FUNDING_LINES);

export const ProposeContributionBody = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(CONTRIBUTION_KINDS),
  amountCents: Cents,
  /** First (or only) month paid, YYYY-MM. */
  firstMonth: Month,
  months: z.number().int().min(1).max(36).default(1),
  reason: Text(2000),
  commitmentKeys: z.array(z.uuid()).max(30).default([]),
  fundingLine: FundingLine,
  paymentMethod: z.enum(PAYMENT_METHODS),
  iban: z.string().trim().max(50).nullable().default(null),
  /** A service manager lets a proposal exceed a yearly ceiling, with the reason (logged). */
  overrideReason: z.string().trim().min(1).max(2000).optional(),
});
export type ProposeContributionBody = z.infer<typeof ProposeContributionBody>;

export const RevokeContributionBody = z.strictObject({ reason: Text(2000), version: Version });

export const Contribution = z.object({
  id: z.string(),
  caseId: z.string(),
  planId: z.string(),
  planVersionNumber: z.number(),
  itemKey: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: z.enum(CONTRIBUTION_KINDS),
  amountCents: z.number(),
  firstMonth: Month,
  months: z.number(),
  totalCents: z.number(),
  reason: z.string(),
  commitmentKeys: z.array(z.string()),
  commitments: z.array(z.object({ key: z.string(), commitment: z.string() })),
  fundingLine: FundingLine,
  paymentMethod: z.enum(PAYMENT_METHODS),
  iban: z.string().nullable(),
  status: z.enum(CONTRIBUTION_STATUSES),
  proposedBy: UserRef,
  proposedAt: z.string(),
  decision: z.object({ decision: z.enum(DECISIONS), note: z.string(), heldOn: z.string(), decidedBy: UserRef }).nullable(),
  overrideReasons: z.array(z.string()),
  revokeReason: z.string().nullable(),
  version: z.number(),
});
export type Contribution = z.infer<typeof Contribution>;

/** A proposal waiting for the team: what the meeting page lists. */
export const PendingContribution = Contribution.extend({ caseNumber: z.string(), teamId: z.string().nullable(), isOwnProposal: z.boolean() });
export type PendingContribution = z.infer<typeof PendingContribution>;

export const TeamMeetingBody = z.strictObject({
  teamId: z.uuid().nullable().default(null),
  heldOn: z.iso.date(),
  participantIds: z.array(z.uuid()).max(100).default([]),
  otherParticipants: z.string().trim().max(2000).default(''),
  note: z.string().trim().max(4000).default(''),
  decisions: z
    .array(z.strictObject({ contributionId: z.uuid(), decision: z.enum(DECISIONS), note: z.string().trim().max(2000).default('') }))
    .min(1)
    .max(20_000),
});
export type TeamMeetingBody = z.infer<typeof TeamMeetingBody>;

/** A team the actor belongs to, with its members: who may be recorded as present at the meeting. */
export const MeetingTeam = z.object({ id: z.string(), name: z.string(), members: z.array(UserRef) });
export type MeetingTeam = z.infer<typeof MeetingTeam>;

export const TeamMeetingResult = z.object({ id: z.string(), approved: z.number(), rejected: z.number(), paymentLines: z.number() });

export const Ceiling = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  personYearlyCents: z.number().nullable(),
  householdYearlyCents: z.number().nullable(),
  version: z.number().nullable(),
});
export const CeilingBody = z.strictObject({
  personYearlyCents: z.number().int().min(0).max(1_000_000_000).nullable(),
  householdYearlyCents: z.number().int().min(0).max(1_000_000_000).nullable(),
  /** The version read (null when no ceiling was set yet): a stale save gets 412. */
  version: Version.nullable(),
});

export const FundingTotal = z.object({ fundingLine: FundingLine, cents: z.number(), lines: z.number() });

export const PaymentListSummary = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  month: Month,
  status: z.enum(PAYMENT_LIST_STATUSES),
  lines: z.number(),
  totalCents: z.number(),
  version: z.number(),
});
export type PaymentListSummary = z.infer<typeof PaymentListSummary>;

export const PaymentLine = z.object({
  id: z.string(),
  contributionId: z.string(),
  personId: z.string(),
  personName: z.string(),
  fiscalCode: z.string().nullable(),
  dueMonth: Month,
  amountCents: z.number(),
  fundingLine: FundingLine,
  paymentMethod: z.enum(PAYMENT_METHODS),
  iban: z.string().nullable(),
  kind: z.enum(PAYMENT_LINE_KINDS),
  correctsLineId: z.string().nullable(),
  note: z.string(),
});
export type PaymentLine = z.infer<typeof PaymentLine>;

export const PaymentListDetail = PaymentListSummary.extend({
  rows: z.array(PaymentLine),
  totals: z.array(FundingTotal),
  checkedBy: UserRef.nullable(),
  checkedAt: z.string().nullable(),
  closedBy: UserRef.nullable(),
  closedAt: z.string().nullable(),
  allowedTransitions: z.array(z.enum(PAYMENT_LIST_STATUSES)),
});
export type PaymentListDetail = z.infer<typeof PaymentListDetail>;

export const PaymentListQuery = z.strictObject({ municipalityCode: z.string().optional(), month: Month.optional() });
export const OpenListBody = z.strictObject({ municipalityCode: z.string(), month: Month });
export const ListTransitionBody = z.strictObject({ to: z.enum(PAYMENT_LIST_STATUSES), version: Version });
export const CorrectionBody = z.strictObject({
  /** The right amount of the line (0 = not due at all): the difference goes into the next open list. */
  correctAmountCents: z.number().int().min(0).max(100_000_000),
  note: Text(2000),
});
export const CorrectionResult = z.object({ listId: z.string(), month: Month, amountCents: z.number() });
