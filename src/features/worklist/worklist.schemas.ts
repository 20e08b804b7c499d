import { z } from 'zod';
import { WORKLIST_SECTIONS } from './worklist.codes.ts';

export const WorklistSection = z.enum(WORKLIST_SECTIONS);

export const WorklistQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

export const WorklistItem = z.object({
  section: WorklistSection,
  caseId: z.string(),
  reference: z.string(),
  beneficiary: z.string().nullable(),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  /** The date the item is about: review date, last activity day, procedure deadline. */
  date: z.iso.date(),
  /** Days late (review), days without activity, or days remaining to the deadline (procedures). */
  days: z.number().int(),
  /** The day the item started to need attention: after the user's "seen" marker it is new. */
  since: z.iso.date(),
  isNew: z.boolean(),
  procedure: z.object({ id: z.string(), typeName: z.string(), subject: z.string() }).nullable(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const WorklistPage = z.object({ items: z.array(WorklistItem), total: z.number().int(), capped: z.boolean(), inactivityDays: z.number().int(), nearDeadlineDays: z.number().int() });
export type WorklistPage = z.infer<typeof WorklistPage>;

const Count = z.number().int();
export const WorklistSummary = z.object({ review: Count, inactive: Count, procedures: Count, total: Count, unseen: Count, cap: Count, seenOn: z.iso.date().nullable() });
export type WorklistSummary = z.infer<typeof WorklistSummary>;
