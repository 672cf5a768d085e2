import { vi } from "vitest";

/** One canned answer for a method and a path under /api/v1 with its query (exact, or a RegExp). */
export interface Canned {
  method?: string;
  path: string | RegExp;
  status?: number;
  body?: unknown;
  /** problem details are sent as application/problem+json */
  contentType?: string;
  /** Answers only this many calls; later ones go to the next answer that matches (a list that changes, say). */
  times?: number;
  /** Answers this much later (a slow answer that a newer call overtakes). */
  delayMs?: number;
}

/**
 * Replaces window.fetch with canned answers, for component tests (the real server is exercised by the end-to-end
 * tests in tests/ArtifactHub.UI.Tests): the first answer that matches a call, and has calls left, answers it; none: a
 * 404. Returns the mock, whose calls record what the page sent. setup.ts puts the real fetch back after each test.
 */
export function mockFetch(answers: Canned[]) {
  const used = new Map<Canned, number>();
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = apiPath(input);
    const method = (init?.method ?? "GET").toUpperCase();
    const answer = answers.find(
      (a) =>
        (a.method ?? "GET").toUpperCase() === method &&
        (typeof a.path === "string" ? a.path === path : a.path.test(path)) &&
        (a.times === undefined || (used.get(a) ?? 0) < a.times),
    );
    if (!answer) {
      return new Response(`no canned answer for ${method} ${path}`, { status: 404, headers: { "Content-Type": "text/plain" } });
    }
    used.set(answer, (used.get(answer) ?? 0) + 1);
    if (answer.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    }
    const status = answer.status ?? 200;
    if (status === 204) {
      return new Response(null, { status });
    }
    const contentType = answer.contentType ?? (typeof answer.body === "string" ? "text/plain" : "application/json");
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? null);
    return new Response(text, { status, headers: { "Content-Type": contentType } });
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

export type FetchMock = ReturnType<typeof mockFetch>;

function apiPath(input: RequestInfo | URL): string {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/api\/v1/, "");
}

function callsTo(fetch: FetchMock, method: string, path?: string | RegExp) {
  return fetch.mock.calls.filter(([input, init]) => {
    const called = apiPath(input);
    return (
      (init?.method ?? "GET").toUpperCase() === method &&
      (path === undefined || (typeof path === "string" ? called === path : path.test(called)))
    );
  });
}

/** The paths under /api/v1 (with the query) called with `method`, in order; only those matching `path` if given. */
export function calledPaths(fetch: FetchMock, method = "GET", path?: string | RegExp): string[] {
  return callsTo(fetch, method, path).map(([input]) => apiPath(input));
}

/** What the one call with `method` to `path` sent: its body (JSON parsed; a Blob as it is) and headers. */
export function sent(fetch: FetchMock, method: string, path: string | RegExp): { body: unknown; headers: Record<string, string> } {
  const calls = callsTo(fetch, method, path);
  if (calls.length !== 1) {
    throw new Error(`expected one ${method} ${path}, got ${calls.length}`);
  }
  const init = calls[0][1];
  const body = typeof init?.body === "string" ? JSON.parse(init.body) : init?.body;
  return { body, headers: (init?.headers ?? {}) as Record<string, string> };
}

/** The JSON body of the one call with `method` to `path`. */
export const sentBody = (fetch: FetchMock, method: string, path: string | RegExp): unknown => sent(fetch, method, path).body;

/** A refusal as the server sends it: RFC 7807 problem details (with `errors` for a validation problem). */
export function problem(status: number, title: string, detail?: string, errors?: Record<string, string[]>) {
  return { status, contentType: "application/problem+json", body: { title, status, detail, errors } };
}

/** A validation problem (400) as ASP.NET sends it: messages per field. */
export const validationProblem = (errors: Record<string, string[]>) => problem(400, "One or more validation errors occurred.", undefined, errors);
