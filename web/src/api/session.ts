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
