import { z } from 'zod';
import { PROVIDER_KINDS } from './catalogue.codes.ts';

/** Partita IVA (11 digits) or codice fiscale (16 characters); the check digit is verified by the service. */
export const TAX_CODE = /^([0-9]{11}|[A-Za-z0-9]{16})$/;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ProviderInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  taxCode: z.string().trim().regex(TAX_CODE, 'taxCode').nullable().optional(),
  kind: z.enum(PROVIDER_KINDS),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ./-]{5,20}$/, 'phone').nullable().optional(),
  address: optionalText(300),
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode').nullable().optional(),
  isActive: z.boolean().optional(),
});
export type ProviderInput = z.infer<typeof ProviderInput>;

export const Provider = z.object({
  id: z.string(),
  name: z.string(),
  taxCode: z.string().nullable(),
  kind: z.enum(PROVIDER_KINDS),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  isActive: z.boolean(),
  /** How many services it delivers (in any municipality). */
  serviceCount: z.number().int(),
});
export type Provider = z.infer<typeof Provider>;

export const ProviderDelivery = z.object({
  serviceId: z.string(),
  code: z.string(),
  name: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ProviderDelivery = z.infer<typeof ProviderDelivery>;

export const ProviderDetail = Provider.extend({ deliveries: z.array(ProviderDelivery) });
export type ProviderDetail = z.infer<typeof ProviderDetail>;

export const ProviderListQuery = z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() });
