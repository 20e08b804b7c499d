import { createContext, useContext } from 'react';
import type { LoginBody, Me } from '../../../../src/platform/auth/auth.schemas.ts';

export type AuthStatus = 'loading' | 'anonymous' | 'active' | 'locked';

/** Why the user is on the login page, to say so there. */
export type LogoutReason = 'expired' | 'loggedOut' | 'tooManyPasswords' | null;

export type AuthContextValue = {
  status: AuthStatus;
  me: Me | null;
  logoutReason: LogoutReason;
  login: (body: LoginBody) => Promise<Me>;
  logout: () => Promise<void>;
  lock: () => Promise<void>;
  unlock: (password: string) => Promise<Me>;
  /** The user changed their own password: an administrator's one no longer has to be replaced. */
  passwordChanged: () => void;
};

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
