import { z } from 'zod';
import { DIARY_KINDS, DIARY_MINUTES_MAX, DIARY_PARTICIPANTS_MAX, DIARY_TEXT_MAX } from './case-diary.codes.ts';

export const DiaryKind = z.enum(DIARY_KINDS);
const UserRef = z.object({ id: z.string(), displayName: z.string() });

export const ExternalParticipant = z.strictObject({
  /** Who, e.g. "dott.ssa Neri". */
  name: z.string().trim().min(1).max(200),
  /** The body they belong to, e.g. "Ausl — Centro di salute mentale"; empty for a relative or a neighbour. */
  body: z.string().trim().max(200).default(''),
});

/** The fields of an entry, the same for a new entry and for a correction. */
const DiaryFields = {
  kind: DiaryKind,
  /** When the activity happened (not in the future); an ISO instant with its offset. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Time spent, in minutes: more than 0, at most 24 hours. */
  minutes: z.number().int().min(1).max(DIARY_MINUTES_MAX),
  /** Required: an empty or blank text gets a 400 from the service with its own message. */
  text: z.string().max(DIARY_TEXT_MAX),
  /** Colleagues of the case's territory who took part (the author is always counted). */
  internalParticipantIds: z.array(z.uuid()).max(DIARY_PARTICIPANTS_MAX).default([]),
  externalParticipants: z.array(ExternalParticipant).max(DIARY_PARTICIPANTS_MAX).default([]),
};

export const CreateDiaryEntryBody = z.strictObject(DiaryFields);
export type CreateDiaryEntryBody = z.infer<typeof CreateDiaryEntryBody>;

export const CorrectDiaryEntryBody = z.strictObject({
  ...DiaryFields,
  /** The entry's version as seen: a stale one gets 412 with the current entry. */
  version: z.number().int().min(1),
  reason: z.string().trim().min(3).max(2000),
});
export type CorrectDiaryEntryBody = z.infer<typeof CorrectDiaryEntryBody>;

export const DiaryListQuery = z.strictObject({
  kind: DiaryKind.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DiaryListQuery = z.infer<typeof DiaryListQuery>;

/** What an entry says, the same in its current form and in each of its versions. */
const DiaryContent = z.object({
  kind: DiaryKind,
  occurredAt: z.string(),
  minutes: z.number().int(),
  text: z.string(),
  internalParticipants: z.array(UserRef),
  externalParticipants: z.array(z.object({ name: z.string(), body: z.string() })),
});

export const DiaryEntry = DiaryContent.extend({
  id: z.string(),
  caseId: z.string(),
  author: UserRef,
  createdAt: z.string(),
  version: z.number().int(),
  correctedAt: z.string().nullable(),
  correctedBy: UserRef.nullable(),
  /** The actor may correct it: its author, the case owner or the territory's service manager. */
  canCorrect: z.boolean(),
  /** The actor may read its previous versions: the case owner or the territory's service manager. */
  canSeeHistory: z.boolean(),
});
export type DiaryEntry = z.infer<typeof DiaryEntry>;

export const DiaryPage = z.object({
  entries: z.array(DiaryEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DiaryPage = z.infer<typeof DiaryPage>;

export const DiaryVersion = DiaryContent.extend({
  version: z.number().int(),
  /** Null for the first version. */
  correctionReason: z.string().nullable(),
  savedAt: z.string(),
  savedBy: UserRef,
});
export type DiaryVersion = z.infer<typeof DiaryVersion>;

/** The entry as it is now and every version it had, newest first (the current one included). */
export const DiaryHistory = z.object({ entry: DiaryEntry, versions: z.array(DiaryVersion) });
export type DiaryHistory = z.infer<typeof DiaryHistory>;
