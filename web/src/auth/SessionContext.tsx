import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { ApiError, clearAntiforgery, del, onUnauthorized, post, refreshAntiforgery } from "../api/client";
import { fetchMe, type Me } from "../api/session";

interface Session {
  /** null: signed out (anonymous). */
  me: Me | null;
  loading: boolean;
  signIn(userName: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads /me again (after a role change, say). */
  reload(): Promise<void>;
  /**
   * Why the visitor was last sent to sign in by a 401: "expired", the session ended (it had one); "required", what
   * they asked for needs one. null once they sign in.
   */
  ended: "expired" | "required" | null;
}

/** What the sign-in page is told when the visitor was sent there: where to go back to afterwards. */
export interface SignInState {
  from?: string;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in. Must be inside the router: when the server answers 401, it sends the visitor to sign in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [ended, setEnded] = useState<Session["ended"]>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const current = useRef({ me, path: location.pathname + location.search, onSignIn: location.pathname === "/sign-in" });
  useEffect(() => {
    current.current = { me, path: location.pathname + location.search, onSignIn: location.pathname === "/sign-in" };
  });

  const reload = useCallback(async () => {
    try {
      const found = await fetchMe();
      setMe(found);
      // Not fatal: a change the server refuses for want of the token fetches it again (api/client.ts).
      await refreshAntiforgery().catch(() => undefined);
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

  // A 401 means the session has ended (expired, signed out elsewhere, the user disabled), or that the page needs one.
  useEffect(
    () =>
      onUnauthorized(() => {
        const { me: was, path, onSignIn } = current.current;
        clearAntiforgery();
        setEnded(was ? "expired" : "required");
        setMe(null);
        if (!onSignIn) {
          const state: SignInState = { from: path };
          navigate("/sign-in", { state });
        }
      }),
    [navigate],
  );

  const signIn = useCallback(
    async (userName: string, password: string) => {
      await post("/session", { userName, password });
      await reload();
      setEnded(null);
    },
    [reload],
  );

  const signOut = useCallback(async () => {
    try {
      await del("/session");
    } catch (e) {
      // 401: already signed out. Anything else: still signed in, and the caller says why.
      if (!(e instanceof ApiError && e.status === 401)) {
        throw e;
      }
    }
    clearAntiforgery();
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, loading, signIn, signOut, reload, ended }), [me, loading, signIn, signOut, reload, ended]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error("useSession outside SessionProvider");
  }
  return session;
}
