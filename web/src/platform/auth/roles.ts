import type { Role, TerritoryKind } from '../../../../src/platform/access/roles.ts';

/*
 * The server's role and territory-kind lists, repeated here so the web bundle does not pull zod in
 * through a value import. The checks below fail to compile if the two lists ever drift apart.
 */
export const roles = [
  'front_desk',
  'social_worker',
  'service_manager',
  'clerk',
  'provider',
  'official',
  'citizen',
  'admin',
] as const satisfies readonly Role[];

export const territoryKinds = ['area', 'municipality', 'union', 'district'] as const satisfies readonly TerritoryKind[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const rolesComplete: Exhaustive<Role, (typeof roles)[number]> = true;
export const kindsComplete: Exhaustive<TerritoryKind, (typeof territoryKinds)[number]> = true;

export type { Role, TerritoryKind };
