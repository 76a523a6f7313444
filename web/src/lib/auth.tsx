import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, request, setCsrfToken } from "./api.ts";
import type { Session, User } from "./types.ts";

/**
 * Who is signed in. The session itself is an HttpOnly cookie the script never sees; the API hands out the user and
 * a CSRF token (POST /auth/login, GET /auth/me), and the token goes along with every state-changing request.
 * Catalogue pages never wait for this: they are public.
 */
export interface AuthState {
  /** "unknown" until /auth/me has answered */
  status: "unknown" | "signed-in" | "signed-out";
  user: User | null;
  /** false when the server has no sign-in at all (older server: /auth/me answers 404) */
  available: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthState["status"]>("unknown");
  const [user, setUser] = useState<User | null>(null);
  const [available, setAvailable] = useState(true);

  const accept = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setUser(s?.user ?? null);
    setStatus(s ? "signed-in" : "signed-out");
  }, []);

  useEffect(() => {
    let live = true;
    request<Session>("/auth/me").then(
      (s) => live && accept(s),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setAvailable(false);
        accept(null);
      },
    );
    return () => {
      live = false;
    };
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => {
      const s = await request<Session>("/auth/login", { method: "POST", body: { username, password }, csrf: false });
      accept(s);
      setAvailable(true);
      return s.user;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await request<void>("/auth/logout", { method: "POST" });
    } catch (e) {
      // an expired session is signed out already; anything else is reported
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    accept(null);
  }, [accept]);

  const value = useMemo(() => ({ status, user, available, login, logout }), [status, user, available, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const a = useContext(AuthContext);
  if (!a) throw new Error("useAuth buiten AuthProvider");
  return a;
}
