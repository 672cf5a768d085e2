import { ApiError, messageOf } from "../api/client";

/**
 * What a form's last submit failed with: the server's refusal (field messages keyed "proxy.upstream",
 * "proxy.checksumdatabases[0].name", …) or a problem of the browser's own (no answer, a number that is not one).
 */
export interface FormProblem {
  api?: ApiError;
  /** Messages found before sending, by the same lower-case keys the server uses. */
  local?: Record<string, string>;
  /** Anything else (the server could not be reached, …). */
  other?: string;
}

export function problemOf(error: unknown): FormProblem {
  return error instanceof ApiError ? { api: error } : { other: messageOf(error) };
}

/**
 * The message for one field (case-insensitive: "Proxy.Upstream" = "proxy.upstream"): its own key, and with `items`
 * also its entries' ("proxy.allow" takes "proxy.allow[2]"), which is how the server names a bad line of a list.
 */
export function fieldMessage(problem: FormProblem | null, field: string, options: { items?: boolean } = {}): string | undefined {
  if (!problem) {
    return undefined;
  }
  const key = field.toLowerCase();
  const messages: string[] = [];
  if (problem.local?.[key]) {
    messages.push(problem.local[key]);
  }
  for (const [name, list] of Object.entries(problem.api?.fieldErrors ?? {})) {
    if (name === key || (options.items && name.startsWith(key + "["))) {
      messages.push(...list);
    }
  }
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/**
 * What goes next to the submit button: messages for fields this form does not show (a key is claimed by an entry of
 * `shown` equal to it or that it extends with "." or "["), or, when the refusal names no field, its detail (409s).
 */
export function restMessage(problem: FormProblem | null, shown: string[]): string | undefined {
  if (!problem) {
    return undefined;
  }
  if (problem.other) {
    return problem.other;
  }
  const api = problem.api;
  if (!api) {
    return undefined;
  }
  const fields = Object.keys(api.fieldErrors);
  if (fields.length === 0) {
    return api.detail ?? api.title;
  }
  const claimed = shown.map((s) => s.toLowerCase());
  const rest = fields
    .filter((field) => !claimed.some((c) => field === c || field.startsWith(c + ".") || field.startsWith(c + "[")))
    .flatMap((field) => api.fieldErrors[field]);
  return rest.length > 0 ? rest.join(" ") : undefined;
}
