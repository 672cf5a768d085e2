// The security and audit API as the administration pages use it: users, roles and settings (/security/…) and the
// audit log (/audit). Repositories are in repositories.ts, tokens in tokens.ts. Field names are the server's JSON.

import { del, get, post, put, queryString, type Paged, type RequestOptions } from "./client";

// ---- users -------------------------------------------------------------------------------------------------------

export interface User {
  userName: string;
  displayName?: string | null;
  email?: string | null;
  /** No password: signs in with tokens only. */
  serviceAccount: boolean;
  disabled: boolean;
  roles: string[];
  createdAt: string;
}

/** Create (userName required; no password: a service account) or change (what is left out stays; "" clears). */
export interface UserRequest {
  userName?: string;
  displayName?: string;
  email?: string;
  password?: string;
  roles?: string[];
  disabled?: boolean;
}

const userPath = (userName: string) => `/security/users/${encodeURIComponent(userName)}`;

export function listUsers(query: { search?: string; page: number; pageSize: number }, options?: RequestOptions) {
  const { search, page, pageSize } = query;
  return get<Paged<User>>(`/security/users${queryString({ page, pageSize, search })}`, options);
}

export const getUser = (userName: string, options?: RequestOptions) => get<User>(userPath(userName), options);
export const createUser = (body: UserRequest) => post<User>("/security/users", body);
export const updateUser = (userName: string, body: UserRequest) => put<User>(userPath(userName), body);
export const deleteUser = (userName: string) => del(userPath(userName));

// ---- roles -------------------------------------------------------------------------------------------------------

export interface Role {
  name: string;
  description?: string | null;
  builtIn: boolean;
  privileges: string[];
}

export interface RoleRequest {
  name?: string;
  description?: string;
  privileges?: string[];
}

/** The global privileges (Privilege.Globals on the server); repository ones are repository:{glob}:{action}. */
export const globalPrivileges = ["repositories.manage", "security.manage", "audit.read"];

const rolePath = (name: string) => `/security/roles/${encodeURIComponent(name)}`;

export const listRoles = (options?: RequestOptions) => get<Role[]>("/security/roles", options);
export const getRole = (name: string, options?: RequestOptions) => get<Role>(rolePath(name), options);
export const createRole = (body: RoleRequest) => post<Role>("/security/roles", body);
export const updateRole = (name: string, body: RoleRequest) => put<Role>(rolePath(name), body);
export const deleteRole = (name: string) => del(rolePath(name));

// ---- audit -------------------------------------------------------------------------------------------------------

export interface AuditEntry {
  id: number;
  time: string;
  actor?: string | null;
  action: string;
  target?: string | null;
  succeeded: boolean;
  details?: string | null;
  remoteAddress?: string | null;
}

/** actor: a user name (any case); action, target: prefixes; from, to: ISO times, inclusive. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const listAudit = (query: AuditQuery, options?: RequestOptions) => {
  const { actor, action, target, from, to, page, pageSize } = query;
  return get<Paged<AuditEntry>>(`/audit${queryString({ actor, action, target, from, to, page, pageSize })}`, options);
};

// ---- server-wide security settings -------------------------------------------------------------------------------

export interface SecuritySettings {
  /** Off: callers without credentials get a 401 everywhere but health and OpenAPI. */
  anonymousAccess: boolean;
}

export const getSecuritySettings = (options?: RequestOptions) => get<SecuritySettings>("/security/settings", options);
export const updateSecuritySettings = (body: SecuritySettings) => put<SecuritySettings>("/security/settings", body);
