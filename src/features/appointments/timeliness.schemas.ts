import { z } from 'zod';

export const TimelinessQuery = z.strictObject({
  /** First day of referral (inclusive), Italian time. */
  from: z.iso.date(),
  /** Last day of referral (inclusive). */
  to: z.iso.date(),
  groupBy: z.enum(['month', 'quarter']).default('month'),
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode').optional(),
});
export type TimelinessQuery = z.infer<typeof TimelinessQuery>;

export const TimelinessRow = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  /** First day of the month or quarter of referral. */
  period: z.string(),
  referred: z.number().int(),
  interviewed: z.number().int(),
  /** Days from referral to the first interview held; null when none was held. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Referrals with no interview held yet, still open, and how long they have been waiting (days, today). */
  waiting: z.number().int(),
  /** Referrals closed, or taken in charge, with no first interview recorded: not waiting any more. */
  endedWithoutInterview: z.number().int(),
  waitingMedianAgeDays: z.number().nullable(),
  waitingMaxAgeDays: z.number().nullable(),
});
export type TimelinessRow = z.infer<typeof TimelinessRow>;

export const TimelinessReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['month', 'quarter']),
  rows: z.array(TimelinessRow),
  /** The same figures per period over all the municipalities chosen together. */
  periodTotals: z.array(TimelinessRow.omit({ municipalityCode: true, municipalityName: true })),
});
export type TimelinessReport = z.infer<typeof TimelinessReport>;
