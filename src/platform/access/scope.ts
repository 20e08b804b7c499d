import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor, ResolvedGrant } from './actor.ts';
import { roleHas } from './policy.ts';

/** The territory an actor may touch for one permission: the union of the grants whose role holds it. */
export interface Scope {
  permission: string;
  municipalityCodes: string[];
  areaIds: string[];
  grants: ResolvedGrant[];
}

export function scopeFor(actor: Actor, permission: string): Scope {
  const grants = actor.grants.filter((grant) => roleHas(grant.role, permission));
  return {
    permission,
    grants,
    municipalityCodes: [...new Set(grants.flatMap((grant) => grant.municipalityCodes))],
    areaIds: [...new Set(grants.flatMap((grant) => grant.areaIds))],
  };
}

export function isEmptyScope(scope: Scope): boolean {
  return scope.municipalityCodes.length === 0 && scope.areaIds.length === 0;
}

/**
 * SQL condition restricting rows to the scope. Every query on personal data adds it through this
 * function, so the territorial rule is written once.
 */
export function inScope(scope: Scope, municipalityColumn: string, areaColumn?: string): Expression<SqlBool> {
  const municipality = sql.ref(municipalityColumn);
  if (isEmptyScope(scope)) return sql<SqlBool>`false`;
  const byMunicipality = sql<SqlBool>`${municipality} = ANY(${scope.municipalityCodes}::text[])`;
  if (!areaColumn || scope.areaIds.length === 0) return byMunicipality;
  return sql<SqlBool>`(${byMunicipality} OR ${sql.ref(areaColumn)} = ANY(${scope.areaIds}::uuid[]))`;
}

export function coversRecord(scope: Scope, municipalityCode: string, areaId: string | null): boolean {
  return scope.municipalityCodes.includes(municipalityCode) || (areaId !== null && scope.areaIds.includes(areaId));
}

/** The grant that allowed an access to a record of this territory: the access log names it. */
export function actingGrant(scope: Scope, municipalityCode: string | null, areaId: string | null = null): ResolvedGrant | undefined {
  return (
    scope.grants.find((grant) => municipalityCode !== null && grant.municipalityCodes.includes(municipalityCode)) ??
    scope.grants.find((grant) => areaId !== null && grant.areaIds.includes(areaId)) ??
    scope.grants[0]
  );
}
