import type { Db } from '../db/database.ts';
import type { ResolvedGrant } from './actor.ts';
import type { Role, TerritoryKind } from './roles.ts';

export interface GrantRow {
  id: string;
  role: Role;
  territoryKind: TerritoryKind;
  territoryId: string;
}

/** Turns grants into the municipalities and areas they cover. The territories feature provides it. */
export type TerritoryResolver = (db: Db, grants: GrantRow[]) => Promise<ResolvedGrant[]>;

let current: TerritoryResolver | undefined;

export function setTerritoryResolver(resolver: TerritoryResolver): void {
  current = resolver;
}

export function resolveGrants(db: Db, grants: GrantRow[]): Promise<ResolvedGrant[]> {
  if (!current) throw new Error('No territory resolver registered: the territories feature must be installed');
  return current(db, grants);
}
