import { z } from 'zod';
import { INTAKE_CLOSE_REASONS, INTAKE_STATUSES } from './accesses.codes.ts';
import { Channel, Involvement, Urgency } from './accesses.schemas.ts';

export const IntakeCloseReason = z.enum(INTAKE_CLOSE_REASONS);

export const IntakeQuery = z.strictObject({
  /** `open` (the default) is waiting or assigned; `all` includes taken in charge and closed. */
  status: z.enum([...INTAKE_STATUSES, 'open', 'all']).default('open'),
  /** Only the items assigned to the user asking ("Assigned to me"). */
  mine: z.enum(['true', 'false']).optional(),
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode').optional(),
});
export type IntakeQuery = z.infer<typeof IntakeQuery>;

export const IntakeItem = z.object({
  id: z.string(),
  accessId: z.string(),
  status: z.enum(INTAKE_STATUSES),
  urgency: Urgency,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  referredAt: z.string(),
  /** Whole days from the referral to the first interview, the closing, or today. */
  daysWaiting: z.number().int(),
  channel: Channel,
  needAreaCode: z.string(),
  request: z.string(),
  persons: z.array(z.object({ personId: z.string(), familyName: z.string(), givenName: z.string(), involvement: Involvement })),
  /** Who came, for an access not yet linked to a registered person. */
  anonymousDescription: z.string().nullable(),
  assignedTo: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
  firstInterviewAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  version: z.number().int(),
});
export type IntakeItem = z.infer<typeof IntakeItem>;

export const AssignIntakeBody = z.strictObject({
  userId: z.uuid(),
  /** The version the manager saw: a stale one gets 412 with the current item. */
  version: z.number().int().min(1),
});
export type AssignIntakeBody = z.infer<typeof AssignIntakeBody>;

export const CloseIntakeBody = z.strictObject({
  reason: IntakeCloseReason,
  version: z.number().int().min(1),
});
export type CloseIntakeBody = z.infer<typeof CloseIntakeBody>;

export const EligibleWorker = z.object({ id: z.string(), displayName: z.string(), openItems: z.number().int() });
export type EligibleWorker = z.infer<typeof EligibleWorker>;
