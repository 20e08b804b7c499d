import { z } from 'zod';
import { DOCUMENT_CATEGORIES } from './case-documents.codes.ts';

const person = z.object({ id: z.string(), displayName: z.string() });

export const CaseDocument = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  category: z.enum(DOCUMENT_CATEGORIES),
  originalFilename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: person,
  withdrawn: z.object({ at: z.string(), by: person, reason: z.string() }).nullable(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

/** The text fields of the multipart upload (the file is the part named `file`). */
export const DocumentFields = z.strictObject({
  title: z.string().trim().min(2).max(200),
  category: z.enum(DOCUMENT_CATEGORIES),
});
export type DocumentFields = z.infer<typeof DocumentFields>;

export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type WithdrawBody = z.infer<typeof WithdrawBody>;

/** What an upload may be, for the form to say it before sending. */
export const DocumentLimits = z.object({ maxBytes: z.number().int() });
export type DocumentLimits = z.infer<typeof DocumentLimits>;
