import { z } from 'zod';
import { LETTER_LANGUAGES } from '../case-settings/case-settings.codes.ts';
import { LETTER_STATUSES } from './case-letters.codes.ts';

const user = z.object({ id: z.string(), displayName: z.string() });

export const CaseLetter = z.object({
  id: z.string(),
  caseId: z.string(),
  templateId: z.string().nullable(),
  language: z.enum(LETTER_LANGUAGES),
  recipient: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(LETTER_STATUSES),
  createdAt: z.string(),
  createdBy: user,
  updatedAt: z.string(),
  updatedBy: user,
  sentAt: z.string().nullable(),
  sentBy: user.nullable(),
  /** Gulpease index of the body when it was sent (0–100); null for drafts. */
  gulpeaseAtSending: z.number().nullable(),
  version: z.number().int(),
});
export type CaseLetter = z.infer<typeof CaseLetter>;

export const CreateLetterBody = z.strictObject({ templateId: z.uuid() });
export type CreateLetterBody = z.infer<typeof CreateLetterBody>;

export const UpdateLetterBody = z.strictObject({
  subject: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(20_000),
  version: z.number().int().min(1),
});
export type UpdateLetterBody = z.infer<typeof UpdateLetterBody>;

export const SendLetterBody = z.strictObject({ version: z.number().int().min(1) });
