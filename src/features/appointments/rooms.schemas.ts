import { z } from 'zod';

const istatCode = z.string().regex(/^\d{6}$/, 'istatCode');

export const Room = z.object({
  id: z.string(),
  officeId: z.string(),
  municipalityCode: z.string(),
  name: z.string(),
  isProtected: z.boolean(),
  isActive: z.boolean(),
});
export type Room = z.infer<typeof Room>;

export const Office = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  rooms: z.array(Room),
});
export type Office = z.infer<typeof Office>;

export const OfficeListQuery = z.strictObject({
  municipalityCode: istatCode.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type OfficeListQuery = z.infer<typeof OfficeListQuery>;

export const OfficeInput = z.strictObject({
  municipalityCode: istatCode,
  name: z.string().trim().min(2).max(120),
  address: z.string().trim().max(200).nullable().optional(),
});
export type OfficeInput = z.infer<typeof OfficeInput>;

export const OfficeUpdate = OfficeInput.omit({ municipalityCode: true });
export type OfficeUpdate = z.infer<typeof OfficeUpdate>;

export const RoomInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  isProtected: z.boolean().default(false),
  isActive: z.boolean().default(true),
});
export type RoomInput = z.infer<typeof RoomInput>;

/** The staff-safety flag as the actor may see it: the reason only for social workers and the manager. */
export const SafetyFlag = z.object({
  personId: z.string(),
  flagged: z.boolean(),
  setAt: z.string().nullable(),
  setByName: z.string().nullable(),
  /** Present only for holders of safety.write: the front desk never receives it. */
  reason: z.string().optional(),
});
export type SafetyFlag = z.infer<typeof SafetyFlag>;

export const SafetyFlagInput = z.strictObject({ reason: z.string().trim().min(5).max(1000) });
export type SafetyFlagInput = z.infer<typeof SafetyFlagInput>;
