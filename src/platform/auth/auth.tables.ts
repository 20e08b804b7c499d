import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  last_login_at: string | null;
  /** For provider staff: the organisation whose work they see (its table belongs to the catalogue feature). */
  provider_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** An administrator chose the password: the user must change it before any other work. */
  must_change_password: Generated<boolean>;
}

export interface UserGrantTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  territory_kind: string;
  territory_id: string;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Generated<string>;
  expires_at: string;
  locked_at: string | null;
  revoked_at: string | null;
  client_address: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  client_address: string | null;
  /** null while the password is being checked (counts as a failure meanwhile). */
  succeeded: boolean | null;
  kind: Generated<AttemptKind>;
  /** The session an unlock or password-change attempt was made in. */
  session_id: string | null;
  at: CreatedAt;
}

export type AttemptKind = 'login' | 'unlock' | 'password';

declare module '../db/tables.ts' {
  interface Tables {
    app_user: AppUserTable;
    user_grant: UserGrantTable;
    session: SessionTable;
    login_attempt: LoginAttemptTable;
  }
}
