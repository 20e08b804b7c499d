/** The coded values of the interventions feature, shared by its tables, its zod schemas and the web client. */
export const INTERVENTION_STATUSES = ['active', 'ended'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Days during which a provider may still correct a delivery it recorded. */
export const DELIVERY_CORRECTION_DAYS = 7;

/** The access-log record type of reads and writes of interventions and their deliveries. */
export const INTERVENTION_RECORD = 'case_intervention';
