// What the browsing pages read and send about a repository's content: its modules and versions, the files of a
// version's zip, and uploads. Module paths go into URLs as written (not the go command's `!` escaping), each segment
// encoded; `@` between module and version.

import { encodePath, get, post, queryString, type Paged, type RequestOptions } from "./client";
import { repositoryApiPath } from "./repositories";

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

/** `{module}@{version}` as the browse URLs carry it: the module path as written, each segment encoded. */
export const moduleAtVersion = (module: string, version: string) => `${encodePath(module)}@${encodeURIComponent(version)}`;

export function listModules(name: string, query: { search?: string; page: number; pageSize: number }, options?: RequestOptions) {
  const { search, page, pageSize } = query;
  return get<Paged<ModuleSummary>>(`${repositoryApiPath(name)}/modules${queryString({ search, page, pageSize })}`, options);
}

export const getModule = (name: string, module: string, options?: RequestOptions) =>
  get<ModuleDetail>(`${repositoryApiPath(name)}/modules/${encodePath(module)}`, options);

export const getVersion = (name: string, module: string, version: string, options?: RequestOptions) =>
  get<VersionDetail>(`${repositoryApiPath(name)}/versions/${moduleAtVersion(module, version)}`, options);

/** A file of the version's zip, as text (a binary or too-large file is an ApiError carrying the server's words). */
export const getFile = (name: string, module: string, version: string, path: string, options?: RequestOptions) =>
  get<string>(`${repositoryApiPath(name)}/files/${moduleAtVersion(module, version)}/${encodePath(path)}`, { ...options, text: true });

/** Publishes a module zip; the server reads module and version from its entries. */
export const uploadZip = (name: string, zip: Blob) => post<PublishedModule>(`${repositoryApiPath(name)}/upload`, zip);
