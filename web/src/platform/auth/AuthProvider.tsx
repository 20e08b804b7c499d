import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, Me } from '../../../../src/platform/auth/auth.schemas.ts';
import { api, ApiError, setCsrfToken, setSessionHandlers } from '../api/api-client.ts';
import { AuthContext, type AuthContextValue, type AuthStatus, type LogoutReason } from './auth-context.ts';
import { useIdleLock } from './use-idle-lock.ts';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMeState] = useState<Me | null>(null);
  const [logoutReason, setLogoutReason] = useState<LogoutReason>(null);

  const setMe = useCallback((next: Me | null) => {
    setMeState(next);
    setCsrfToken(next?.csrfToken ?? null);
  }, []);

  const signedIn = useCallback(
    (next: Me) => {
      setMe(next);
      setLogoutReason(null);
      setStatus(next.isLocked ? 'locked' : 'active');
    },
    [setMe],
  );

  const signedOut = useCallback(
    (reason: LogoutReason) => {
      setMe(null);
      setLogoutReason(reason);
      setStatus('anonymous');
    },
    [setMe],
  );

  useEffect(() => {
    setSessionHandlers({
      onUnauthorized: (code) => { signedOut(code === 'SESSION_ENDED' ? 'tooManyPasswords' : 'expired'); },
      onLocked: () => { setStatus((current) => (current === 'anonymous' ? current : 'locked')); },
    });
  }, [signedOut]);

  useEffect(() => {
    let cancelled = false;
    api
      .get<Me>('/auth/me', { silentAuth: true })
      .then((result) => {
        if (!cancelled) signedIn(result);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 423) setStatus('locked');
        else signedOut(null);
      });
    return () => {
      cancelled = true;
    };
  }, [signedIn, signedOut]);

  const login = useCallback(
    async (body: LoginBody) => {
      const result = await api.post<Me>('/auth/login', body, { silentAuth: true });
      signedIn(result);
      return result;
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { silentAuth: true });
    } catch {
      // The session is gone for the user either way.
    }
    signedOut('loggedOut');
  }, [signedOut]);

  const lock = useCallback(async () => {
    // Hide the data first: the screen must not wait for the network.
    setStatus('locked');
    try {
      await api.post('/auth/lock', {}, { silentAuth: true });
    } catch {
      // If the call fails, the client-side lock still hides the data; unlock re-checks the password.
    }
  }, []);

  const unlock = useCallback(
    async (password: string) => {
      try {
        const result = await api.post<Me>('/auth/unlock', { password }, { silentAuth: true });
        signedIn({ ...result, isLocked: false });
        return result;
      } catch (error) {
        // Too many wrong passwords: the server ended the session, so the lock screen gives way to sign-in.
        if (error instanceof ApiError && error.code === 'SESSION_ENDED') signedOut('tooManyPasswords');
        throw error;
      }
    },
    [signedIn, signedOut],
  );

  const passwordChanged = useCallback(() => {
    setMeState((current) => (current ? { ...current, mustChangePassword: false } : current));
  }, []);

  useIdleLock(status === 'active' ? (me?.idleLockMinutes ?? 0) : 0, lock);

  const value = useMemo<AuthContextValue>(
    () => ({ status, me, logoutReason, login, logout, lock, unlock, passwordChanged }),
    [status, me, logoutReason, login, logout, lock, unlock, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
