import { z } from 'zod';
import { DELIVERY_MODES, SERVICE_UNITS, TITLE_HOLDERS } from '../catalogue/catalogue.codes.ts';
import { SUPPORT_FREQUENCIES } from '../care-plans/care-plans.codes.ts';
import { INTERVENTION_STATUSES } from './interventions.codes.ts';

const Day = z.iso.date();
const Hundredths = z.number().int().min(0).max(100_000);

export const InterventionParams = z.strictObject({ id: z.uuid() });
export const DeliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });
export const MonthQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u).optional() });

/** A delivery as the provider records it: hours or units in hundredths, 0 when the person was absent. */
export const DeliveryInput = z.strictObject({
  deliveredOn: Day,
  quantityHundredths: Hundredths,
  personAbsent: z.boolean().default(false),
  staff: z.string().trim().max(500).default(''),
  notes: z.string().trim().max(2000).default(''),
});
export type DeliveryInput = z.infer<typeof DeliveryInput>;
export const DeliveryUpdate = DeliveryInput.extend({ version: z.number().int().min(1) });
export type DeliveryUpdate = z.infer<typeof DeliveryUpdate>;

export const Delivery = z.object({
  id: z.string(),
  deliveredOn: z.string(),
  quantityHundredths: z.number().int(),
  personAbsent: z.boolean(),
  staff: z.string(),
  notes: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  version: z.number().int(),
  /** Whether the provider may still correct it (within the correction days). */
  editable: z.boolean(),
});
export type Delivery = z.infer<typeof Delivery>;

/** Planned vs delivered in one calendar month, in hundredths of the unit. */
export const MonthBalance = z.object({ month: z.string(), plannedHundredths: z.number().int(), deliveredHundredths: z.number().int(), absences: z.number().int() });
export type MonthBalance = z.infer<typeof MonthBalance>;

const InterventionBase = {
  id: z.string(),
  caseId: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  unit: z.enum(SERVICE_UNITS),
  quantityHundredths: z.number().int(),
  frequency: z.enum(SUPPORT_FREQUENCIES),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(INTERVENTION_STATUSES),
  endedAt: z.string().nullable(),
};

/** The case's view: title holder, deliverer, cost, planned vs delivered per month, deliveries. */
export const CaseIntervention = z.object({
  ...InterventionBase,
  titleHolder: z.enum(TITLE_HOLDERS),
  titleHolderName: z.string().nullable(),
  delivery: z.enum(DELIVERY_MODES),
  providerName: z.string().nullable(),
  unitCostCents: z.number().int(),
  planVersionNumber: z.number().int(),
  months: z.array(MonthBalance),
  deliveries: z.array(Delivery),
});
export type CaseIntervention = z.infer<typeof CaseIntervention>;
export const CaseInterventions = z.object({ caseId: z.string(), interventions: z.array(CaseIntervention) });
export type CaseInterventions = z.infer<typeof CaseInterventions>;

/** One row of the provider portal: whom, what, when, this month's planned and delivered. */
export const ProviderInterventionRow = z.object({
  ...InterventionBase,
  personName: z.string(),
  municipalityName: z.string(),
  month: z.string(),
  plannedHundredths: z.number().int(),
  deliveredHundredths: z.number().int(),
});
export type ProviderInterventionRow = z.infer<typeof ProviderInterventionRow>;
export const ProviderInterventionList = z.object({ month: z.string(), items: z.array(ProviderInterventionRow) });
export type ProviderInterventionList = z.infer<typeof ProviderInterventionList>;

/** The plan parts shared with the provider: objectives, supports and tasks whose shared_provider_ids name it. */
export const SharedPlan = z.object({
  objectives: z.array(z.object({ description: z.string() })),
  supports: z.array(z.object({ serviceName: z.string(), quantityHundredths: z.number().int(), unit: z.enum(SERVICE_UNITS), frequency: z.enum(SUPPORT_FREQUENCIES), startDate: z.string(), endDate: z.string(), notes: z.string() })),
  tasks: z.array(z.object({ who: z.string(), task: z.string() })),
});
export const ProviderIntervention = z.object({
  ...InterventionBase,
  personName: z.string(),
  municipalityName: z.string(),
  shared: SharedPlan,
  months: z.array(MonthBalance),
  deliveries: z.array(Delivery),
});
export type ProviderIntervention = z.infer<typeof ProviderIntervention>;
