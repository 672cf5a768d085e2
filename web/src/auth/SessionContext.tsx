import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, clearAntiforgery, del, post, refreshAntiforgery } from "../api/client";
import { fetchMe, type Me } from "../api/session";

interface Session {
  /** null: signed out (anonymous). */
  me: Me | null;
  loading: boolean;
  signIn(userName: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads /me again (after a role change, say). */
  reload(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    try {
      const current = await fetchMe();
      setMe(current);
      await refreshAntiforgery();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        setMe(null);
        clearAntiforgery();
      } else {
        throw e;
      }
    }
  }, []);

  useEffect(() => {
    reload()
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, [reload]);

  const signIn = useCallback(
    async (userName: string, password: string) => {
      await post("/session", { userName, password });
      await reload();
    },
    [reload],
  );

  const signOut = useCallback(async () => {
    try {
      await del("/session");
    } finally {
      clearAntiforgery();
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, loading, signIn, signOut, reload }), [me, loading, signIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error("useSession outside SessionProvider");
  }
  return session;
}
