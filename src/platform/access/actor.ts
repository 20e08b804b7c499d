import type { Role, TerritoryKind } from './roles.ts';
import { roleHas } from './policy.ts';
import { AppError } from '../http/errors.ts';

export interface ResolvedGrant {
  id: string;
  role: Role;
  territoryKind: TerritoryKind;
  territoryId: string;
  territoryName: string;
  /** Municipalities the grant covers whole (a municipality, a Union's or a District's members). */
  municipalityCodes: string[];
  /** Sub-municipal areas the grant covers (an area grant covers only that area of its city). */
  areaIds: string[];
}

/** Who is acting, resolved once per request from the session. Services take it as a plain parameter. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  isLocked: boolean;
  /** The administrator set the password: only changing it (and signing out) is allowed until then. */
  mustChangePassword: boolean;
  grants: ResolvedGrant[];
  /** For provider staff: the organisation (provider_organisation.id) whose work the user may see; otherwise null. */
  providerId: string | null;
  requestId: string;
  clientAddress: string | null;
  /** The reason given for an access (header `x-trama-purpose`), written to the access log. */
  purpose: string | null;
}

export function holds(actor: Actor, permission: string): boolean {
  return actor.grants.some((grant) => roleHas(grant.role, permission));
}

export function assertHolds(actor: Actor, permission: string): void {
  if (!holds(actor, permission)) throw new AppError('FORBIDDEN');
}
