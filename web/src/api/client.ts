// The one way the UI talks to the server: /api/v1 (and a repository's content URL, to delete a raw file), with the
// session cookie, and the antiforgery token on every change. A failed call throws ApiError, which carries the server's
// own words (problem details or plain text) and, for validation problems, the messages per field. A 401 (the session
// has ended) is also told to the session, which sends the visitor to sign in.

export const apiBase = "/api/v1";

/** What the server said when it refused. `fieldErrors` keys are lower-cased field paths ("name", "proxy.upstream"). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, title: string, detail?: string, fieldErrors: Record<string, string[]> = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

/** One page of a list the server pages (`page` starts at 1). */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

// The title of the server's 400 for a change without a valid token (SessionAntiforgeryMiddleware).
const antiforgeryRefused = "Antiforgery token missing or invalid";

let antiforgeryToken: string | null = null;
let antiforgeryHeader = "X-XSRF-TOKEN";

/** Fetches the antiforgery token bound to the signed-in user (call after signing in, and at start when signed in). */
export async function refreshAntiforgery(): Promise<void> {
  const answer = await request<{ token: string; headerName: string }>("GET", "/session/antiforgery");
  antiforgeryToken = answer.token;
  antiforgeryHeader = answer.headerName || antiforgeryHeader;
}

export function clearAntiforgery(): void {
  antiforgeryToken = null;
}

const unauthorizedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the server answers 401 to anything but signing in or asking who is signed in: the session
 * has ended (or the page needs one). Returns the way to stop listening.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type Body = object | Blob | undefined;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Answer as text rather than JSON (file contents). */
  text?: boolean;
  /** A lookup whose refusal the caller expects and handles (a member it may not read): a 401 does not end the session. */
  probe?: boolean;
  /** The Content-Type of a Blob/File body, instead of the file's own type (an upload stored as bytes). */
  contentType?: string;
}

/** An answer with its status, for the calls whose success status says something (201 stored, 200 already there). */
export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Calls `/api/v1{path}`, or `path` itself when it is an absolute http(s) URL (a repository's content URL, whose DELETE
 * needs the same session, token and error handling). A body that is a Blob/File is sent as it is; any other object as
 * JSON. A change the server refuses for its antiforgery token (none fetched yet, or a stale one) is sent once more with
 * a fresh token.
 */
export async function request<T>(method: string, path: string, body?: Body, options: RequestOptions = {}): Promise<T> {
  return (await requestAnswer<T>(method, path, body, options)).body;
}

/** As `request`, with the answer's status. */
export async function requestAnswer<T>(method: string, path: string, body?: Body, options: RequestOptions = {}): Promise<Answer<T>> {
  const change = method !== "GET" && method !== "HEAD";
  let response = await send(method, path, body, options);
  if (change && response.status === 400) {
    const refusal = await toApiError(response.clone());
    if (refusal.title === antiforgeryRefused) {
      await refreshAntiforgery();
      response = await send(method, path, body, options);
    }
  }

  if (!response.ok) {
    const error = await toApiError(response);
    const signingIn = path === "/session" || path === "/me";
    if (error.status === 401 && !signingIn && !options.probe) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw error;
  }
  const status = response.status;
  if (status === 204) {
    return { status, body: undefined as T };
  }
  if (options.text) {
    return { status, body: (await response.text()) as T };
  }
  const type = response.headers.get("Content-Type") ?? "";
  return { status, body: (type.includes("json") ? await response.json() : await response.text()) as T };
}

async function send(method: string, path: string, body: Body, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.text ? "text/plain, application/problem+json" : "application/json",
    // Marks the UI's own calls: the server then answers 401 without a Basic challenge, which would make the browser
    // pop up its own sign-in dialog (and, headless, hang the request).
    "X-Requested-With": "XMLHttpRequest",
  };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    payload = body;
    headers["Content-Type"] = options.contentType ?? (body.type || "application/octet-stream");
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET" && method !== "HEAD" && antiforgeryToken) {
    headers[antiforgeryHeader] = antiforgeryToken;
  }
  try {
    const url = /^https?:\/\//i.test(path) ? path : apiBase + path;
    return await fetch(url, { method, headers, body: payload, credentials: "same-origin", signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") {
      throw e;
    }
    throw new ApiError(0, "The server could not be reached", e instanceof Error ? e.message : String(e));
  }
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options);
export const post = <T>(path: string, body?: Body, options?: RequestOptions) => request<T>("POST", path, body, options);
export const put = <T>(path: string, body?: Body, options?: RequestOptions) => request<T>("PUT", path, body, options);
export const del = <T = void>(path: string, options?: RequestOptions) => request<T>("DELETE", path, undefined, options);

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get("Content-Type") ?? "";
  const text = await response.text().catch(() => "");
  if (type.includes("json")) {
    try {
      const problem = JSON.parse(text) as { title?: string; detail?: string; errors?: Record<string, string[]> };
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(problem.errors ?? {})) {
        fieldErrors[field.toLowerCase()] = messages;
      }
      return new ApiError(response.status, problem.title ?? response.statusText, problem.detail, fieldErrors);
    } catch {
      // not JSON after all: fall through to the text
    }
  }
  const title = text.trim() || response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, title);
}

/** Encodes a module path (or any slash-separated path) for a URL, segment by segment. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** `?a=1&b=2` of the values given, leaving out empty ones (trimmed); "" when none is left. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    const text = value === undefined ? "" : String(value).trim();
    if (text !== "") {
      params.set(key, text);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** A problem as text for an action's error line. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  return error instanceof Error ? error.message : String(error);
}
