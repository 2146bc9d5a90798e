/** Who is signed in: read once from getSession, set by login, cleared by logout or any 401. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionReply, User } from './api-types.js';
import { ApiError, api, setCsrfToken, setOnUnauthenticated } from './client.js';

interface SessionState {
  /** undefined while the first getSession is in flight. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setOnUnauthenticated(() => {
      setCsrfToken(null);
      setUser(null);
    });
    api.get<SessionReply>('/api/session').then(
      (s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      },
      (e: unknown) => {
        if (!live) return;
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        setUser(null);
      },
    );
    return () => {
      live = false;
      setOnUnauthenticated(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.post<SessionReply>('/api/login', { username, password });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/logout');
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user (only under routes that require one). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
