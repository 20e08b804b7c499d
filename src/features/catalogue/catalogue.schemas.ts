import { z } from 'zod';
import { SERVICE_KINDS, SERVICE_UNITS } from './catalogue.codes.ts';

export const NeedArea = z.object({ code: z.string(), labelIt: z.string(), labelEn: z.string() });
export type NeedArea = z.infer<typeof NeedArea>;

export const SiussBenefit = z.object({ code: z.string(), macroArea: z.string(), description: z.string() });
export type SiussBenefit = z.infer<typeof SiussBenefit>;

export const ServiceKind = z.enum(SERVICE_KINDS);
export const ServiceUnit = z.enum(SERVICE_UNITS);

export const ServiceSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ServiceKind,
  unit: ServiceUnit,
  siussBenefitCode: z.string().nullable(),
  needAreas: z.array(z.string()),
  isActive: z.boolean(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const ServiceListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  needArea: z.string().max(20).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;
