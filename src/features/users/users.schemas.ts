import { z } from 'zod';
import { Role, TerritoryKind } from '../../platform/access/roles.ts';
import { GrantView } from '../../platform/auth/auth.schemas.ts';

export const Password = z.string().min(12, 'min12').max(200);

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  grants: z.array(GrantView),
  teamIds: z.array(z.string()),
  /** For provider staff: the organisation they work for. */
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  activeSessions: z.number().int(),
  lastLoginAt: z.string().nullable(),
  /** The password was set by an administrator and the user has not replaced it yet. */
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const CreateUserBody = z.strictObject({
  username: z.string().trim().min(3).max(60).regex(/^[a-z0-9._-]+$/, 'username'),
  displayName: z.string().trim().min(2).max(200),
  email: z.email().max(200).nullable().optional(),
  password: Password,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(200).nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const SetPasswordBody = z.strictObject({ password: Password });

export const GrantInput = z.strictObject({
  role: Role,
  territoryKind: TerritoryKind,
  territoryId: z.string().trim().min(1).max(100),
  /** Required with the provider role (unless the user already works for an organisation): whose staff the user is. */
  providerId: z.uuid().optional(),
});
export type GrantInput = z.infer<typeof GrantInput>;

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  memberIds: z.array(z.string()),
});
export type Team = z.infer<typeof Team>;

export const TeamInput = z.strictObject({
  name: z.string().trim().min(2).max(200),
  municipalityCode: z.string().regex(/^\d{6}$/),
  memberIds: z.array(z.uuid()).max(200).default([]),
});
export type TeamInput = z.infer<typeof TeamInput>;

/** An organisation an admin can link a provider user to. */
export const ProviderOption = z.object({ id: z.string(), name: z.string(), isActive: z.boolean() });
export type ProviderOption = z.infer<typeof ProviderOption>;
