import { z } from 'zod';
import { Channel, Outcome } from '../accesses.schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');
/** A count, or null when it is suppressed (under the threshold, or one that would let a suppressed one be worked out). */
const Count = z.number().int().nullable();

export const AccessStatsQuery = z.strictObject({
  /** First month (YYYY-MM); by default eleven months before the last. */
  from: month.optional(),
  /** Last month (YYYY-MM); by default the current month. */
  to: month.optional(),
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode').optional(),
});
export type AccessStatsQuery = z.infer<typeof AccessStatsQuery>;

export const Breakdown = z.object({
  total: Count,
  channel: z.record(Channel, Count),
  needArea: z.record(z.string(), Count),
  outcome: z.record(Outcome, Count),
});
export type Breakdown = z.infer<typeof Breakdown>;

/** Aggregate counts only: no person, no access, no free text. */
export const AccessStats = z.object({
  suppressionThreshold: z.number().int(),
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  needAreas: z.array(z.object({ code: z.string(), labelIt: z.string(), labelEn: z.string() })),
  overall: Breakdown,
  municipalities: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      period: Breakdown,
      months: z.array(Breakdown.extend({ month: z.string() })),
    }),
  ),
});
export type AccessStats = z.infer<typeof AccessStats>;
