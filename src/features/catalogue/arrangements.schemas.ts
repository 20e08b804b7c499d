import { z } from 'zod';
import { DELIVERY_MODES, FUNCTION_MODES, TITLE_HOLDERS } from './catalogue.codes.ts';
import { Arrangement, NEED_AREA_CODE } from './catalogue.schemas.ts';

export const ArrangementParams = z.strictObject({ id: z.uuid(), municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode') });

export const ArrangementInput = z.strictObject({
  titleHolder: z.enum(TITLE_HOLDERS),
  /** The body holding title, by name (e.g. "ASP Pianura Est"); required when the holder is `other`. */
  titleHolderName: z.string().trim().max(200).nullable().optional(),
  delivery: z.enum(DELIVERY_MODES),
  functionMode: z.enum(FUNCTION_MODES),
  notes: z.string().trim().max(2000).nullable().optional(),
  /** The organisations delivering it: at least one when delivery is `provider`, none when `direct`. */
  providerIds: z.array(z.uuid()).max(20).default([]),
});
export type ArrangementInput = z.infer<typeof ArrangementInput>;

export const ServiceMapQuery = z.strictObject({ needArea: z.string().regex(NEED_AREA_CODE, 'needArea').optional() });

/** Services × municipalities of the manager's territories; a missing cell means the service is absent there. */
export const ServiceMap = z.object({
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  services: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), needAreas: z.array(z.string()) })),
  cells: z.array(Arrangement),
});
export type ServiceMap = z.infer<typeof ServiceMap>;
