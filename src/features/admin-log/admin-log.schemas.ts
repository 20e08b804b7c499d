import { z } from 'zod';
import { adminActions, adminEntityTypes } from './admin-log.codes.ts';

export const AdminEntityType = z.enum(adminEntityTypes);
export type AdminEntityType = z.infer<typeof AdminEntityType>;

export const AdminAction = z.enum(adminActions);
export type AdminAction = z.infer<typeof AdminAction>;

export const AdminLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** Null: the command line (`trama create-user`), not a logged-in user. */
  actorId: z.string().nullable(),
  actorDisplayName: z.string().nullable(),
  entityType: AdminEntityType,
  entityId: z.string(),
  action: AdminAction,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The municipalities the change concerns; null for installation-wide reference data. */
  municipalityCodes: z.array(z.string()).nullable(),
});
export type AdminLogEntry = z.infer<typeof AdminLogEntry>;

export const AdminLogQuery = z.strictObject({
  entityType: AdminEntityType.optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdminLogQuery = z.infer<typeof AdminLogQuery>;

export const AdminLogPage = z.object({
  items: z.array(AdminLogEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminLogPage = z.infer<typeof AdminLogPage>;
