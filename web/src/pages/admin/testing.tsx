// For the administration pages' component tests: the pages under a signed-in session, with canned API answers.

import { render } from "@testing-library/react";
import { MemoryRouter, Outlet, Route, Routes, useLocation, useParams } from "react-router-dom";
import { SessionProvider } from "../../auth/SessionContext";
import { mockFetch, type Canned } from "../../test/fetchMock";
import { adminRoutes } from "./routes";

export const allPrivileges = ["audit.read", "repositories.manage", "repository:*:admin", "security.manage"];

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function RepositoryPage() {
  const { name } = useParams();
  return <h1>Repository page {name}</h1>;
}

/** Renders the app's admin routes at `path`, signed in with `privileges`; answers /me, the antiforgery token and `answers`. */
export function renderAdmin(path: string, answers: Canned[], privileges: string[] = allPrivileges) {
  const fetch = mockFetch([
    { path: "/me", body: { userName: "admin", roles: ["admin"], privileges } },
    { path: "/session/antiforgery", body: { token: "t0k3n", headerName: "X-XSRF-TOKEN" } },
    ...answers,
  ]);
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <Routes>
          <Route
            element={
              <>
                <Outlet />
                <Location />
              </>
            }
          >
            {adminRoutes}
            <Route path="repositories/:name" element={<RepositoryPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
  return { fetch, ...view };
}

type FetchMock = ReturnType<typeof mockFetch>;

/** The calls made with `method` to a path under /api/v1 (with its query string). */
export function callsTo(fetch: FetchMock, method: string, path: string | RegExp) {
  return fetch.mock.calls.filter(([input, init]) => {
    const url = String(input).replace(/^\/api\/v1/, "");
    return (init?.method ?? "GET").toUpperCase() === method && (typeof path === "string" ? url === path : path.test(url));
  });
}

/** The JSON body of the one call with `method` to `path`. */
export function sentBody(fetch: FetchMock, method: string, path: string | RegExp): unknown {
  const calls = callsTo(fetch, method, path);
  if (calls.length !== 1) {
    throw new Error(`expected one ${method} ${path}, got ${calls.length}`);
  }
  return JSON.parse(String(calls[0][1]?.body));
}

/** A validation problem as the server sends it. */
export function validationProblem(errors: Record<string, string[]>): Canned["body"] {
  return { type: "https://tools.ietf.org/html/rfc9110#section-15.5.1", title: "One or more validation errors occurred.", status: 400, errors };
}
