import { z } from 'zod';

export const accessActions = ['read', 'search', 'create', 'update', 'export', 'print'] as const;
export const AccessAction = z.enum(accessActions);
export type AccessAction = z.infer<typeof AccessAction>;

/** allowed: the data was read or written; refused: the attempt got a 403 and saw nothing. */
export const AccessOutcome = z.enum(['allowed', 'refused']);
export type AccessOutcome = z.infer<typeof AccessOutcome>;

export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  userDisplayName: z.string(),
  role: z.string(),
  action: AccessAction,
  outcome: AccessOutcome,
  recordType: z.string(),
  recordId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string(),
  clientAddress: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogQuery = z.strictObject({
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogPage = z.object({
  items: z.array(AccessLogEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;
