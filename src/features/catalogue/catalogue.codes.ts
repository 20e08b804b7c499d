/** The coded values of the catalogue feature, shared by its tables, its zod schemas and the web client. */
export const SERVICE_KINDS = [
  'economic',
  'home_care',
  'educational',
  'residential',
  'semi_residential',
  'day_centre',
  'information',
  'professional_support',
  'transport',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_UNITS = ['hours', 'days', 'euros', 'places', 'meals', 'trips', 'units'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];
export const PROVIDER_KINDS = ['social_cooperative', 'association', 'foundation', 'company', 'public_body', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const TITLE_HOLDERS = ['municipality', 'union', 'asp', 'ausl', 'other'] as const;
export type TitleHolder = (typeof TITLE_HOLDERS)[number];
export const DELIVERY_MODES = ['direct', 'provider'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const FUNCTION_MODES = ['direct', 'delegated', 'mixed'] as const;
export type FunctionMode = (typeof FUNCTION_MODES)[number];
/** The header of the catalogue CSV file (import and export), in its documented order. */
export const CSV_COLUMNS = ['code', 'name', 'kind', 'unit', 'need_areas', 'siuss_benefit_code', 'access_rules'] as const;
export const CSV_COLUMNS_TEXT = CSV_COLUMNS.join(';');
