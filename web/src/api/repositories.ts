// Repositories as /api/v1/repositories answers them (camelCase; enums kebab-case), for browsing and for administration.

import { del, get, post, put, type RequestOptions } from "./client";

export type RepositoryType = "hosted" | "proxy" | "group";

/**
 * allow-once: new versions (files) may be published, a published one never changes; allow (raw only): a file may be
 * replaced; read-only: nothing may be published.
 */
export type WritePolicy = "allow-once" | "allow" | "read-only";

export interface HostedSettings {
  writePolicy: WritePolicy;
}

export interface ChecksumDatabase {
  /** The GOSUMDB name, e.g. sum.golang.org. */
  name: string;
  url: string;
  latestMaxAgeSeconds: number;
  /** Its verifier key (name+hash+base64, the value of GOSUMDB), which checks its signed tree heads; null: not known. */
  key?: string | null;
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
  /**
   * Raw: glob patterns of the paths fetched again after metadataMaxAgeMinutes (`*.json`, or one ending in a slash for
   * directory listings); every other file is cached for good. The server's default: none.
   */
  metadataPaths?: string[];
  /** Raw: a suffix such as ".sha256": each downloaded file is checked against the checksum file at its path + suffix. */
  verifySidecar?: string | null;
}

export interface GroupSettings {
  /** Member repositories, asked in this order. */
  members: string[];
}

export interface Repository {
  name: string;
  format: string;
  type: RepositoryType;
  online: boolean;
  anonymousRead: boolean;
  /** The content URL, with a trailing slash: http://host/repository/name/ (the GOPROXY base; a raw file is at url + path). */
  url: string;
  hosted?: HostedSettings | null;
  proxy?: ProxySettings | null;
  group?: GroupSettings | null;
  createdAt: string;
  updatedAt: string;
  /** null for a group: its members hold the content. 0 for a raw repository, which counts files instead. */
  moduleCount?: number | null;
  versionCount?: number | null;
  /** The files a raw repository stores (null for a group). */
  fileCount?: number | null;
  storageBytes?: number | null;
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
  checksumDatabases: [
    { name: "sum.golang.org", url: "https://sum.golang.org", latestMaxAgeSeconds: 60, key: "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8" },
  ],
};

/** The formats this server has handlers for (no endpoint lists them). */
export const repositoryFormats = [
  { value: "go", label: "Go modules" },
  { value: "raw", label: "Raw (any file at any path)" },
];

/** Whether a repository is a raw one: files in directories instead of modules and versions. */
export const isRaw = (repository: { format: string }) => repository.format === "raw";

/** `/repositories/{name}` under /api/v1. */
export const repositoryApiPath = (name: string) => `/repositories/${encodeURIComponent(name)}`;

export const listRepositories = (options?: RequestOptions) => get<Repository[]>("/repositories", options);
export const getRepository = (name: string, options?: RequestOptions) => get<Repository>(repositoryApiPath(name), options);
export const createRepository = (body: RepositoryRequest) => post<Repository>("/repositories", body);
export const updateRepository = (name: string, body: RepositoryRequest) => put<Repository>(repositoryApiPath(name), body);
export const deleteRepository = (name: string) => del(repositoryApiPath(name));
