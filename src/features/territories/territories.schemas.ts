import { z } from 'zod';

export const IstatCode = z.string().regex(/^\d{6}$/, 'ISTAT code: 6 digits');
export const BelfioreCode = z.string().regex(/^[A-Z]\d{3}$/, 'Belfiore code: a letter and 3 digits');

export const Municipality = z.object({
  istatCode: z.string(),
  belfiore: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  region: z.string(),
  population: z.number().int(),
});
export type Municipality = z.infer<typeof Municipality>;

export const MunicipalityQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  /** ISTAT codes separated by commas, e.g. `037006,037019`. */
  codes: z
    .string()
    .max(2000)
    .regex(/^\s*\d{6}\s*(,\s*\d{6}\s*)*$/, 'istatCodeList')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ForeignCountry = z.object({
  code: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  iso2: z.string(),
});
export type ForeignCountry = z.infer<typeof ForeignCountry>;

export const GroupKind = z.enum(['union', 'district']);
export type GroupKind = z.infer<typeof GroupKind>;

export const TerritoryGroup = z.object({
  id: z.string(),
  kind: GroupKind,
  name: z.string(),
  municipalities: z.array(z.object({ istatCode: z.string(), name: z.string(), population: z.number() })),
  population: z.number().int(),
});
export type TerritoryGroup = z.infer<typeof TerritoryGroup>;

export const TerritoryGroupInput = z.strictObject({
  kind: GroupKind,
  name: z.string().trim().min(2).max(200),
  municipalityCodes: z.array(IstatCode).min(1).max(500),
});
export type TerritoryGroupInput = z.infer<typeof TerritoryGroupInput>;

export const Area = z.object({ id: z.string(), municipalityCode: z.string(), name: z.string() });
export type Area = z.infer<typeof Area>;

export const AreaInput = z.strictObject({
  municipalityCode: IstatCode,
  name: z.string().trim().min(2).max(200),
});
export type AreaInput = z.infer<typeof AreaInput>;
