import { z } from 'zod';

/** The eight roles of PRODUCT.md §2. */
export const roles = [
  'front_desk',
  'social_worker',
  'service_manager',
  'clerk',
  'provider',
  'official',
  'citizen',
  'admin',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** A grant names one territory: a sub-municipal area, a municipality, a Union or a District. */
export const territoryKinds = ['area', 'municipality', 'union', 'district'] as const;
export const TerritoryKind = z.enum(territoryKinds);
export type TerritoryKind = z.infer<typeof TerritoryKind>;
