// What the browsing pages and the account page read and send: repositories, their modules and versions, the files of a
// version's zip, uploads, and the caller's own API tokens. Shapes as /api/v1 answers them (camelCase; enums kebab-case).
import { del, encodePath, get, post } from "./client";
import type { Me } from "./session";

export type RepositoryType = "hosted" | "proxy" | "group";

export interface Repository {
  name: string;
  format: string;
  type: RepositoryType;
  online: boolean;
  anonymousRead: boolean;
  /** The GOPROXY base, with a trailing slash: http://host/repository/name/ */
  url: string;
  hosted?: { writePolicy?: "allow-once" | "read-only" } | null;
  proxy?: { upstream?: string } | null;
  group?: { members?: string[] } | null;
  createdAt: string;
  updatedAt: string;
  /** null for a group: its members hold the content. */
  moduleCount?: number | null;
  versionCount?: number | null;
  storageBytes?: number | null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ModuleSummary {
  module: string;
  versions: number;
  latest?: string | null;
  updatedAt: string;
  downloads?: number;
}

export interface ModuleVersion {
  version: string;
  time: string;
  size: number;
  zipHash?: string | null;
  modHash?: string | null;
  downloads?: number;
}

export interface ModuleDetail {
  module: string;
  versions: ModuleVersion[];
}

export interface VersionDetail extends ModuleVersion {
  module: string;
  goMod: string | null;
  /** false: the zip is not stored here (a proxy that cached only the .info/.mod); then files and readme are null. */
  cached: boolean;
  files: { path: string; size: number }[] | null;
  readme: string | null;
}

/** What an upload answers (201 published, 200 the same bytes were already there). */
export interface PublishedModule {
  module: string;
  version: string;
  time?: string;
  zipHash?: string;
  modHash?: string;
  size?: number;
}

export interface Token {
  id: number;
  name: string;
  userName: string;
  prefix: string;
  scope?: string[] | null;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  revoked: boolean;
  revokedAt?: string | null;
}

export interface TokenCreated {
  id: number;
  name: string;
  userName: string;
  prefix: string;
  /** The token's text: in this answer only, never again. */
  token: string;
  expiresAt?: string | null;
  createdAt: string;
}

const repo = (name: string) => `/repositories/${encodeURIComponent(name)}`;

/** `{module}@{version}` as the browse URLs carry it: the module path as written, each segment encoded. */
export const moduleAtVersion = (module: string, version: string) => `${encodePath(module)}@${encodeURIComponent(version)}`;

export const listRepositories = (signal?: AbortSignal) => get<Repository[]>("/repositories", { signal });

export const getRepository = (name: string, signal?: AbortSignal) => get<Repository>(repo(name), { signal });

export function listModules(name: string, query: { search?: string; page: number; pageSize: number }, signal?: AbortSignal) {
  const params = new URLSearchParams();
  if (query.search) {
    params.set("search", query.search);
  }
  params.set("page", String(query.page));
  params.set("pageSize", String(query.pageSize));
  return get<Paged<ModuleSummary>>(`${repo(name)}/modules?${params}`, { signal });
}

export const getModule = (name: string, module: string, signal?: AbortSignal) =>
  get<ModuleDetail>(`${repo(name)}/modules/${encodePath(module)}`, { signal });

export const getVersion = (name: string, module: string, version: string, signal?: AbortSignal) =>
  get<VersionDetail>(`${repo(name)}/versions/${moduleAtVersion(module, version)}`, { signal });

/** A file of the version's zip, as text (a binary or too-large file is an ApiError carrying the server's words). */
export const getFile = (name: string, module: string, version: string, path: string, signal?: AbortSignal) =>
  get<string>(`${repo(name)}/files/${moduleAtVersion(module, version)}/${encodePath(path)}`, { signal, text: true });

/** Publishes a module zip; the server reads module and version from its entries. */
export const uploadZip = (name: string, zip: Blob) => post<PublishedModule>(`${repo(name)}/upload`, zip);

export const listMyTokens = (signal?: AbortSignal) => get<Token[]>("/security/tokens", { signal });

export const createToken = (body: { name: string; expiresInDays?: number }) => post<TokenCreated>("/security/tokens", body);

export const revokeToken = (id: number) => del(`/security/tokens/${id}`);

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
