import { z } from 'zod';
import { TEXT_MAX } from './assessments.codes.ts';

const Version = z.number().int().min(1);
const Line = z.string().trim().min(1, 'required').max(200);
const UserRef = z.object({ id: z.string(), displayName: z.string() });

export const InternalParticipantInput = z.strictObject({ kind: z.literal('internal'), userId: z.uuid(), role: z.string().trim().max(200).default(''), present: z.boolean().default(true) });
export const ExternalParticipant = z.strictObject({
  kind: z.literal('external'),
  name: Line,
  role: z.string().trim().max(200).default(''),
  /** The body the person comes from, e.g. "Ausl Bologna — UVM disabili". */
  body: Line,
  present: z.boolean().default(true),
});
export const ParticipantInput = z.discriminatedUnion('kind', [InternalParticipantInput, ExternalParticipant]);
export const InternalParticipant = InternalParticipantInput.extend({ name: z.string() });
export const Participant = z.discriminatedUnion('kind', [InternalParticipant, ExternalParticipant]);

export const FollowUp = z.strictObject({
  action: z.string().trim().min(1, 'required').max(1000),
  who: z.string().trim().max(200).default(''),
  dueOn: z.iso.date().nullable().default(null),
  done: z.boolean().default(false),
});

const MeetingFields = {
  heldAt: z.iso.datetime({ offset: true }),
  place: Line,
  question: z.string().trim().min(1, 'required').max(TEXT_MAX),
  decisions: z.string().trim().max(TEXT_MAX).default(''),
  followUps: z.array(FollowUp).max(50).default([]),
  /** The assessment version discussed, if any (of the same case). */
  assessmentId: z.uuid().nullable().default(null),
};

export const MeetingInput = z.strictObject({ ...MeetingFields, participants: z.array(ParticipantInput).min(1).max(50) });
export type MeetingInput = z.infer<typeof MeetingInput>;
export const MeetingUpdate = MeetingInput.extend({ version: Version });
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

/** What a meeting holds, as stored (participants with the internal names snapshotted). */
export const MeetingContent = z.object({ ...MeetingFields, participants: z.array(Participant) });
export type MeetingContent = z.infer<typeof MeetingContent>;

export const MeetingSummary = z.object({ id: z.string(), caseId: z.string(), heldAt: z.string(), place: z.string(), question: z.string(), version: z.number(), updatedAt: z.string() });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingContent.extend({
  id: z.string(),
  caseId: z.string(),
  assessmentNumber: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: UserRef,
  updatedAt: z.string(),
  updatedBy: UserRef,
  revisions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedBy: UserRef, content: MeetingContent })),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingUserOption = z.object({ id: z.string(), displayName: z.string() });
