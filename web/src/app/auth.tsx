import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthenticatedHandler, type Me } from '../lib/api';
import type { Role } from './i18n';

type Status = 'loading' | 'authenticated' | 'anonymous' | 'unreachable';

interface AuthValue {
  status: Status;
  me: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  retry: () => void;
  /** Read who is signed in again (after the user changed their own account). */
  refresh: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * The first session check starts when this module is evaluated, while React renders its first frame,
 * rather than after it mounts: the login page (or the first screen) waits for its answer.
 */
let firstCheck: Promise<Me> | null = api.me();
firstCheck.catch(() => {}); // handled by the provider's effect; never an unhandled rejection meanwhile

/** Holds who is signed in. The session itself is an HttpOnly cookie the browser keeps. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setMe(null);
      setStatus('anonymous');
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const check = firstCheck ?? api.me(controller.signal);
    firstCheck = null;
    check.then(
      (value) => {
        if (controller.signal.aborted) return;
        setMe(value);
        setStatus('authenticated');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setMe(null);
        setStatus(error instanceof ApiError && error.status === 401 ? 'anonymous' : 'unreachable');
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const login = useCallback(async (username: string, password: string) => {
    const value = await api.login(username, password);
    setMe(value);
    setStatus('authenticated');
    return value;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
      setStatus('anonymous');
    }
  }, []);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(async () => {
    setMe(await api.me());
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      me,
      login,
      logout,
      retry,
      refresh,
      hasRole: (...roles: Role[]) => !!me && me.roles.some((r) => roles.includes(r)),
    }),
    [status, me, login, logout, retry, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}
