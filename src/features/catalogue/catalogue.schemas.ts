import { z } from 'zod';
import { DELIVERY_MODES, FUNCTION_MODES, SERVICE_KINDS, SERVICE_UNITS, TITLE_HOLDERS } from './catalogue.codes.ts';

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

/** A Nomenclatore code as a manager types it: letters, digits and `. - _ /`; stored upper-case. */
export const SERVICE_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,29}$/;
export const NEED_AREA_CODE = /^[A-Z]{2,10}$/;

export const ServiceInput = z.strictObject({
  code: z.string().trim().regex(SERVICE_CODE, 'serviceCode'),
  name: z.string().trim().min(2).max(200),
  needAreas: z.array(z.string().regex(NEED_AREA_CODE, 'needArea')).min(1).max(10),
  kind: ServiceKind,
  unit: ServiceUnit,
  siussBenefitCode: z.string().trim().max(20).nullable().optional(),
  accessRules: z.string().trim().max(4000).nullable().optional(),
  isActive: z.boolean().optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ProviderRef = z.object({ id: z.string(), name: z.string() });
export type ProviderRef = z.infer<typeof ProviderRef>;

export const Arrangement = z.object({
  serviceId: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  titleHolder: z.enum(TITLE_HOLDERS),
  titleHolderName: z.string().nullable(),
  delivery: z.enum(DELIVERY_MODES),
  functionMode: z.enum(FUNCTION_MODES),
  notes: z.string().nullable(),
  providers: z.array(ProviderRef),
  updatedAt: z.string(),
});
export type Arrangement = z.infer<typeof Arrangement>;

export const ServiceDetail = ServiceSummary.extend({
  accessRules: z.string().nullable(),
  updatedAt: z.string(),
  /** The arrangements in the municipalities the reader's grants cover. */
  arrangements: z.array(Arrangement),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

export const ImportResult = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;
