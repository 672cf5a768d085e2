import { NavLink, Outlet, useNavigate } from "react-router-dom";
import { useState } from "react";
import { useSession } from "../auth/SessionContext";
import { holds } from "../api/session";
import { messageOf } from "../api/client";
import { ErrorText } from "./ErrorText";

/** The frame of every page: the site's name, the navigation, who is signed in, and the page itself. */
export function Layout() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const admin = holds(me, "repositories.manage") || holds(me, "security.manage") || holds(me, "audit.read");

  async function onSignOut() {
    setError(null);
    try {
      await signOut();
      navigate("/sign-in");
    } catch (e) {
      setError(`Could not sign out: ${messageOf(e)}`);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/repositories" className="brand">
          ArtifactHub
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/repositories">Repositories</NavLink>
          {admin && <NavLink to="/admin">Administration</NavLink>}
          {me && <NavLink to="/account">Account</NavLink>}
        </nav>
        <div className="who">
          {me ? (
            <>
              <span>
                <span className="visually-hidden">Signed in as </span>
                {me.displayName || me.userName}
              </span>
              <button type="button" onClick={onSignOut}>
                Sign out
              </button>
              <ErrorText message={error} />
            </>
          ) : (
            <NavLink to="/sign-in">Sign in</NavLink>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
