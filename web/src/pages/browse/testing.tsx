import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { SessionProvider } from "../../auth/SessionContext";
import { mockFetch, type Canned } from "../../test/fetchMock";
import { browseRoutes } from "./routes";

// Test helpers of the browsing pages: the real routes under a router at `url`, a session, and canned API answers.

export const alice = { userName: "alice", roles: ["dev"], privileges: ["repository:go-*:write", "repository:*:read"] };

/** The answers SessionProvider asks for: /me as `me` (null: signed out) and the antiforgery token. */
export function sessionAnswers(me: object | null = alice): Canned[] {
  return me
    ? [
        { path: "/me", body: me },
        { path: "/session/antiforgery", body: { token: "t0k3n", headerName: "X-XSRF-TOKEN" } },
      ]
    : [{ path: "/me", status: 401, body: "authentication required" }];
}

/** Shows where the router is, so tests can check navigation. */
function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderAt(url: string, answers: Canned[], me: object | null = alice) {
  const fetch = mockFetch([...sessionAnswers(me), ...answers]);
  const view = render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <Routes>
          {browseRoutes}
          <Route path="/sign-in" element={<h1>Sign in</h1>} />
        </Routes>
        <Where />
      </SessionProvider>
    </MemoryRouter>,
  );
  return { fetch, ...view };
}

/** The API paths (under /api/v1, with the query) that were called with `method`. */
export function calledPaths(fetch: ReturnType<typeof mockFetch>, method = "GET"): string[] {
  return fetch.mock.calls
    .filter(([, init]) => (init?.method ?? "GET").toUpperCase() === method)
    .map(([input]) => String(input).replace(/^\/api\/v1/, ""));
}

export const hosted = {
  name: "go-hosted",
  format: "go",
  type: "hosted",
  online: true,
  anonymousRead: true,
  url: "http://localhost:8081/repository/go-hosted/",
  hosted: { writePolicy: "allow-once" },
  createdAt: "2026-01-02T03:04:05Z",
  updatedAt: "2026-01-02T03:04:05Z",
  moduleCount: 3,
  versionCount: 5,
  storageBytes: 1536,
};

export const proxy = {
  ...hosted,
  name: "go-proxy",
  type: "proxy",
  url: "https://ah.example.com/repository/go-proxy/",
  hosted: undefined,
  proxy: { upstream: "https://proxy.golang.org" },
  moduleCount: 12,
  versionCount: 20,
  storageBytes: 5 * 1024 * 1024,
};

export const group = {
  ...hosted,
  name: "go-group",
  type: "group",
  online: false,
  url: "https://ah.example.com/repository/go-group/",
  hosted: undefined,
  group: { members: ["go-hosted", "go-proxy"] },
  moduleCount: null,
  versionCount: null,
  storageBytes: null,
};
