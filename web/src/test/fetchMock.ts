import { vi } from "vitest";

/** One canned answer for a method and a path under /api/v1 (exact, or a RegExp). */
export interface Canned {
  method?: string;
  path: string | RegExp;
  status?: number;
  body?: unknown;
  /** problem details are sent as application/problem+json */
  contentType?: string;
}

/**
 * Replaces window.fetch with canned answers, for component tests (the real server is exercised by the end-to-end
 * tests in tests/ArtifactHub.UI.Tests). Returns the mock, whose calls record what the component sent.
 */
export function mockFetch(answers: Canned[]) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/api\/v1/, "");
    const method = (init?.method ?? "GET").toUpperCase();
    const answer = answers.find(
      (a) => (a.method ?? "GET").toUpperCase() === method && (typeof a.path === "string" ? a.path === path : a.path.test(path)),
    );
    if (!answer) {
      return new Response(`no canned answer for ${method} ${path}`, { status: 404, headers: { "Content-Type": "text/plain" } });
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
