import { z } from 'zod';
import { CHANNELS, INTAKE_STATUSES, INVOLVEMENTS, OUTCOMES, URGENCIES } from './accesses.codes.ts';

const istatCode = z.string().regex(/^\d{6}$/, 'istatCode');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const Channel = z.enum(CHANNELS);
export const Outcome = z.enum(OUTCOMES);
export const Urgency = z.enum(URGENCIES);
export const Involvement = z.enum(INVOLVEMENTS);
export const IntakeStatus = z.enum(INTAKE_STATUSES);

export const AccessPersonInput = z.strictObject({
  personId: z.uuid(),
  involvement: Involvement.default('beneficiary'),
});
export type AccessPersonInput = z.infer<typeof AccessPersonInput>;

/** The fields of an access an operator records and may later correct. */
export const AccessFields = z.strictObject({
  /** When the contact happened (not in the future); an ISO instant with its offset. */
  occurredAt: z.iso.datetime({ offset: true }),
  channel: Channel,
  /** The desk: the municipality where the access is recorded; it must be one of the actor's. */
  municipalityCode: istatCode,
  areaId: z.uuid().nullable().optional(),
  /** ISTAT area of need (need_area code). */
  needAreaCode: z.string().trim().min(1).max(20),
  request: z.string().trim().min(1).max(4000),
  outcome: Outcome,
  /** The catalogue service: required for an orientation, optional for help with an application. */
  outcomeServiceId: z.uuid().nullable().optional(),
  outcomeNotes: optionalText(2000),
  /** Required exactly when the outcome is a referral to the social service. */
  referralUrgency: Urgency.nullable().optional(),
  /** For an anonymous or first-contact access: who came, without identifying data. */
  anonymousDescription: optionalText(500),
});
export type AccessFields = z.infer<typeof AccessFields>;

export const CreateAccessBody = AccessFields.extend({
  /** Persons concerned; empty for an anonymous access (then anonymousDescription is required). */
  persons: z.array(AccessPersonInput).max(10).default([]),
});
export type CreateAccessBody = z.infer<typeof CreateAccessBody>;

export const UpdateAccessBody = z.strictObject({
  access: AccessFields,
  /** The version the operator edited: a stale one gets 412 with the current record. */
  version: z.number().int().min(1),
});
export type UpdateAccessBody = z.infer<typeof UpdateAccessBody>;

export const LinkPersonBody = AccessPersonInput;
export type LinkPersonBody = z.infer<typeof LinkPersonBody>;

export const AccessPerson = z.object({
  personId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  fiscalCode: z.string().nullable(),
  involvement: Involvement,
});
export type AccessPerson = z.infer<typeof AccessPerson>;

export const IntakeSummary = z.object({
  id: z.string(),
  status: IntakeStatus,
  assignedToName: z.string().nullable(),
});

export const Access = z.object({
  id: z.string(),
  occurredAt: z.string(),
  channel: Channel,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  areaId: z.string().nullable(),
  needAreaCode: z.string(),
  request: z.string(),
  outcome: Outcome,
  outcomeServiceId: z.string().nullable(),
  outcomeServiceName: z.string().nullable(),
  outcomeNotes: z.string().nullable(),
  referralUrgency: Urgency.nullable(),
  anonymousDescription: z.string().nullable(),
  persons: z.array(AccessPerson),
  recordedByName: z.string(),
  intake: IntakeSummary.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Access = z.infer<typeof Access>;

export const AccessListQuery = z.strictObject({
  municipalityCode: istatCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  outcome: Outcome.optional(),
  /** Only anonymous accesses still waiting for a registered person to be linked. */
  unlinked: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type AccessListQuery = z.infer<typeof AccessListQuery>;

export const AccessPage = z.object({
  items: z.array(Access),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessPage = z.infer<typeof AccessPage>;
