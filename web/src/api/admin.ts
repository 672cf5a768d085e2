// The management API as the administration pages use it: repositories (/repositories), users, roles, tokens and
// settings (/security/…), and the audit log (/audit). Field names are the server's JSON (camelCase; enums kebab-case).

import { del, get, post, put, type RequestOptions } from "./client";

// ---- repositories ------------------------------------------------------------------------------------------------

export type RepositoryType = "hosted" | "proxy" | "group";

/** allow-once: new versions may be published, a published one never changes; read-only: nothing may be published. */
export type WritePolicy = "allow-once" | "read-only";

export interface HostedSettings {
  writePolicy: WritePolicy;
}

export interface ChecksumDatabase {
  /** The GOSUMDB name, e.g. sum.golang.org. */
  name: string;
  url: string;
  latestMaxAgeSeconds: number;
}

/**
 * Credentials a proxy sends to its upstream. Answers carry only `type` and `username`; a request carries the
 * password (basic) or token (bearer) in clear. Left out of a change: the stored credentials stay; `{type: "none"}`
 * removes them.
 */
export interface UpstreamAuthentication {
  type: "basic" | "bearer" | "none";
  username?: string | null;
  password?: string;
  token?: string;
}

export interface ProxySettings {
  upstream: string;
  metadataMaxAgeMinutes: number;
  negativeCacheMinutes: number;
  connectTimeoutSeconds: number;
  readTimeoutSeconds: number;
  allow: string[];
  block: string[];
  checksumDatabases: ChecksumDatabase[];
  authentication?: UpstreamAuthentication | null;
}

export interface GroupSettings {
  /** Member repositories, asked in this order. */
  members: string[];
}

export interface ManagedRepository {
  name: string;
  format: string;
  type: RepositoryType;
  online: boolean;
  anonymousRead: boolean;
  url: string;
  hosted?: HostedSettings | null;
  proxy?: ProxySettings | null;
  group?: GroupSettings | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /repositories (all of name, format, type) or PUT /repositories/{name} (name/format/type left out). */
export interface RepositoryRequest {
  name?: string;
  format?: string;
  type?: RepositoryType;
  online?: boolean;
  anonymousRead?: boolean;
  hosted?: HostedSettings;
  proxy?: ProxySettings;
  group?: GroupSettings;
}

/** The defaults the server applies to a new proxy repository (ProxySettings in ArtifactHub.Core). */
export const proxyDefaults: ProxySettings = {
  upstream: "",
  metadataMaxAgeMinutes: 30,
  negativeCacheMinutes: 5,
  connectTimeoutSeconds: 10,
  readTimeoutSeconds: 60,
  allow: [],
  block: [],
  checksumDatabases: [{ name: "sum.golang.org", url: "https://sum.golang.org", latestMaxAgeSeconds: 60 }],
};

/** The formats this server has handlers for (no endpoint lists them; Go is the only one). */
export const repositoryFormats = [{ value: "go", label: "Go modules" }];

const repositoryPath = (name: string) => `/repositories/${encodeURIComponent(name)}`;

export const listRepositories = (options?: RequestOptions) => get<ManagedRepository[]>("/repositories", options);
export const getRepository = (name: string, options?: RequestOptions) => get<ManagedRepository>(repositoryPath(name), options);
export const createRepository = (body: RepositoryRequest) => post<ManagedRepository>("/repositories", body);
export const updateRepository = (name: string, body: RepositoryRequest) => put<ManagedRepository>(repositoryPath(name), body);
export const deleteRepository = (name: string) => del(repositoryPath(name));

// ---- users -------------------------------------------------------------------------------------------------------

export interface PagedList<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

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
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.search) {
    params.set("search", query.search);
  }
  return get<PagedList<User>>(`/security/users?${params}`, options);
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
export const repositoryActions = ["read", "write", "delete", "admin"];

const rolePath = (name: string) => `/security/roles/${encodeURIComponent(name)}`;

export const listRoles = (options?: RequestOptions) => get<Role[]>("/security/roles", options);
export const getRole = (name: string, options?: RequestOptions) => get<Role>(rolePath(name), options);
export const createRole = (body: RoleRequest) => post<Role>("/security/roles", body);
export const updateRole = (name: string, body: RoleRequest) => put<Role>(rolePath(name), body);
export const deleteRole = (name: string) => del(rolePath(name));

// ---- tokens ------------------------------------------------------------------------------------------------------

export interface Token {
  id: number;
  name: string;
  userName: string;
  /** The first characters of the token's text, to recognise it. */
  prefix: string;
  /** null: all of its user's privileges. */
  scope?: string[] | null;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  revoked: boolean;
  revokedAt?: string | null;
}

/** Every user's tokens, newest first (security.manage). The server does not page them. */
export const listAllTokens = (options?: RequestOptions) => get<Token[]>("/security/tokens?allUsers=true", options);
export const revokeToken = (id: number) => del(`/security/tokens/${id}`);

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

export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to"] as const) {
    const value = query[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  params.set("page", String(query.page));
  params.set("pageSize", String(query.pageSize));
  return params.toString();
}

export const listAudit = (query: AuditQuery, options?: RequestOptions) => get<PagedList<AuditEntry>>(`/audit?${auditQueryString(query)}`, options);

// ---- server-wide security settings -------------------------------------------------------------------------------

export interface SecuritySettings {
  /** Off: callers without credentials get a 401 everywhere but health and OpenAPI. */
  anonymousAccess: boolean;
}

export const getSecuritySettings = (options?: RequestOptions) => get<SecuritySettings>("/security/settings", options);
export const updateSecuritySettings = (body: SecuritySettings) => put<SecuritySettings>("/security/settings", body);
