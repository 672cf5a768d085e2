import { get } from "./client";

/** GET /api/v1/me */
export interface Me {
  userName: string;
  displayName?: string | null;
  email?: string | null;
  roles: string[];
  privileges: string[];
  token?: { id: number; name?: string | null; scope?: string[] | null } | null;
}

export const fetchMe = () => get<Me>("/me");

/** Whether the user holds a global privilege such as `repositories.manage`, `security.manage`, `audit.read`. */
export function holds(me: Me | null, privilege: string): boolean {
  return !!me && me.privileges.includes(privilege);
}

/**
 * Whether the caller may do `action` to the repository `name`, as the server decides it (Permissions.Can): a
 * `repository:{glob}:{action}` or `…:admin` privilege of their roles, narrowed by their token's scope when they came with one.
 * Only to decide what to offer: the server still decides what happens.
 */
export function mayOnRepository(me: Me | null, name: string, action: "read" | "write" | "delete"): boolean {
  if (!me) {
    return false;
  }
  const allows = (privileges: readonly string[]) =>
    privileges.some((p) => {
      const match = /^repository:([^:]+):(read|write|delete|admin)$/.exec(p);
      return !!match && (match[2] === "admin" || match[2] === action) && globMatches(match[1], name);
    });
  const scope = me.token?.scope;
  return allows(me.privileges) && (scope == null || allows(scope));
}

/** `*` any run of characters, `?` one; case-insensitive (repository names are lower case). Linear, like the server's Glob. */
export function globMatches(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === "?" || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") {
    pi++;
  }
  return pi === p.length;
}
