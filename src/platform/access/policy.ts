import type { Role } from './roles.ts';

/**
 * Which roles hold which permission. Features declare their own permissions (their `permissions.ts`)
 * at start-up; the platform only stores and answers. A permission nobody declared is held by nobody.
 */
const holders = new Map<string, Set<Role>>();

export function definePermissions(definitions: Record<string, readonly Role[]>): void {
  for (const [permission, roles] of Object.entries(definitions)) {
    const set = holders.get(permission) ?? new Set<Role>();
    for (const role of roles) set.add(role);
    holders.set(permission, set);
  }
}

export function roleHas(role: Role, permission: string): boolean {
  return holders.get(permission)?.has(role) ?? false;
}

export function permissionsOf(roles: Iterable<Role>): string[] {
  const list = [...roles];
  return [...holders.entries()]
    .filter(([, set]) => list.some((role) => set.has(role)))
    .map(([permission]) => permission)
    .sort();
}

export function knownPermissions(): string[] {
  return [...holders.keys()].sort();
}

/** What a route declares: a permission, or one of the two markers below. */
export const PUBLIC = 'public';
/** Any logged-in user, whatever the role (e.g. their own profile, the municipality list). */
export const AUTHENTICATED = 'authenticated';
