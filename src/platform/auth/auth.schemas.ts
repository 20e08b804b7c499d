import { z } from 'zod';
import { Role, TerritoryKind } from '../access/roles.ts';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GrantView = z.object({
  id: z.string(),
  role: Role,
  territoryKind: TerritoryKind,
  territoryId: z.string(),
  territoryName: z.string(),
});
export type GrantView = z.infer<typeof GrantView>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(GrantView),
  /** Permissions the user holds through any grant; the web app uses them only to hide menus. */
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  idleLockMinutes: z.number().int(),
  isLocked: z.boolean(),
  /** The administrator chose the password: the web app shows only the change-password page until it is changed. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const UnlockBody = z.strictObject({ password: z.string().min(1).max(200) });
export type UnlockBody = z.infer<typeof UnlockBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12).max(200),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Ok = z.object({ ok: z.literal(true) });
