import { Navigate, useLocation } from "react-router-dom";
import type { ReactNode } from "react";
import { useSession, type SignInState } from "./SessionContext";

/** Sends a signed-out visitor to the sign-in page, and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return <p>Loading…</p>;
  }
  if (!me) {
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <>{children}</>;
}
