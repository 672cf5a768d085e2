// What the browsing pages read and send about a raw repository's content: the entries of a directory, uploads, and
// deleting a file. Paths are relative to the repository ("dists/go/file.tar.gz"), a directory's with a trailing slash
// ("dists/go/", "" for the top); in URLs each segment is encoded. A file's bytes are at the content URL (url + path).

import { del, encodePath, get, requestAnswer, type RequestOptions } from "./client";
import { repositoryApiPath, type Repository } from "./repositories";

export interface DirectoryEntry {
  name: string;
  type: "directory";
  /** With a trailing slash: "dists/go/". */
  path: string;
}

export interface FileEntry {
  name: string;
  type: "file";
  path: string;
  size: number;
  /** 64 hex digits. */
  sha256: string;
  contentType?: string | null;
  createdAt: string;
}

export type TreeEntry = DirectoryEntry | FileEntry;

/** GET …/tree/{dir}: directories first, then files, each sorted by name. A group answers the union of its members. */
export interface Tree {
  path: string;
  entries: TreeEntry[];
}

/** What an upload answers: 201 stored, 200 the same bytes were already there or (allow policy) the file was replaced. */
export interface StoredFile {
  path: string;
  size: number;
  sha256: string;
  contentType?: string | null;
}

/** The entries of directory `dir` ("" the top; "dists/go/"). A directory that does not exist is a 404 problem. */
export const getTree = (name: string, dir: string, options?: RequestOptions) =>
  get<Tree>(`${repositoryApiPath(name)}/tree/${encodePath(dir)}`, options);

/**
 * Stores `file` at `path` in a hosted raw repository, as bytes. `created`: 201, a new file; false: 200, the same bytes
 * were already there, or the file was replaced (allow policy). The query is encoded by hand: URLSearchParams would turn a
 * space into "+", and queryString() trims.
 */
export async function uploadFile(name: string, path: string, file: Blob): Promise<{ created: boolean; stored: StoredFile }> {
  const answer = await requestAnswer<StoredFile>("POST", `${repositoryApiPath(name)}/upload?path=${encodeURIComponent(path)}`, file, {
    contentType: "application/octet-stream",
  });
  return { created: answer.status === 201, stored: answer.body };
}

/** Where a file's bytes are: the repository's content URL and the path, each segment encoded. */
export const contentUrl = (repository: Pick<Repository, "url">, path: string) => repository.url + encodePath(path);

/** DELETE of the file at its content URL (the delete privilege); a 404 when it is not there. */
export const deleteFile = (repository: Pick<Repository, "url">, path: string) => del(contentUrl(repository, path));

/**
 * A directory path as a page's URL gives it ("dists/go", "/dists/go/"), as the tree wants it: no leading slash, a
 * trailing one unless it is the top (""). null when it is not a path the server could hold: an empty segment ("a//b"), "."
 * or "..", a backslash or a control character. Those are never sent: ".." would also climb out of the tree's URL.
 */
export function normalizeDirectory(text: string): string | null {
  const trimmed = text.replace(/^\/+/, "").replace(/\/+$/, "");
  if (trimmed === "") {
    return "";
  }
  const segments = trimmed.split("/");
  // eslint-disable-next-line no-control-regex
  if (segments.some((s) => s === "" || s === "." || s === ".." || /[\\\u0000-\u001f\u007f]/.test(s))) {
    return null;
  }
  return trimmed + "/";
}

/** The directories from the top down to `dir`: "a/b/" gives [{a, "a/"}, {b, "a/b/"}]. */
export function directoryCrumbs(dir: string): { name: string; path: string }[] {
  const segments = dir.split("/").filter((s) => s !== "");
  return segments.map((name, i) => ({ name, path: segments.slice(0, i + 1).join("/") + "/" }));
}

/** The directory holding `path` (a file's, or a directory's with its trailing slash): "a/b/c" and "a/b/c/" give "a/b/". */
export function parentDirectory(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  return slash < 0 ? "" : trimmed.slice(0, slash + 1);
}
