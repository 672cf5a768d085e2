import { act, render } from "@testing-library/react";
import { MemoryRouter, useLocation, useNavigate, type NavigateFunction } from "react-router-dom";
import type { Me } from "../api/session";
import { App } from "../App";
import { SessionProvider } from "../auth/SessionContext";
import { mockFetch, type Canned } from "./fetchMock";

// The whole UI (layout, every route) at a URL, for component tests: a session and canned API answers.

/** A developer: reads every repository, writes go-*. */
export const alice: Me = { userName: "alice", roles: ["dev"], privileges: ["repository:go-*:write", "repository:*:read"] };

export const allPrivileges = ["audit.read", "repositories.manage", "repository:*:admin", "security.manage"];

/** An administrator with `privileges` (all by default). */
export const admin = (privileges: string[] = allPrivileges): Me => ({ userName: "admin", roles: ["admin"], privileges });

/** The answers SessionProvider asks for: /me as `me` (null: signed out) and the antiforgery token. */
export function sessionAnswers(me: Me | null): Canned[] {
  return me
    ? [
        { path: "/me", body: me },
        { path: "/session/antiforgery", body: { token: "t0k3n", headerName: "X-XSRF-TOKEN" } },
      ]
    : [{ path: "/me", status: 401, body: "authentication required" }];
}

let navigateInApp: NavigateFunction | null = null;

/** The browser's Back button. */
export async function goBack() {
  await act(async () => {
    await navigateInApp?.(-1);
  });
}

/** Where the router is (the address bar), so tests can check navigation, and its history (goBack). */
function AddressBar() {
  const location = useLocation();
  navigateInApp = useNavigate();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

/** Renders the app at `url` (under /ui), signed in as `me` (null: signed out); `answers` come before the session's. */
export function renderApp(url: string, answers: Canned[], me: Me | null = alice) {
  const fetch = mockFetch([...answers, ...sessionAnswers(me)]);
  const view = render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <App />
        <AddressBar />
      </SessionProvider>
    </MemoryRouter>,
  );
  return { fetch, ...view };
}
