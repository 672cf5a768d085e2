import { encodePath } from "../api/client";

// Where the pages live (relative to the router's basename /ui). Module paths keep their slashes, each segment encoded
// (so an '@', '+', space or '%' in a segment is %-encoded); a version page is the module page's path followed by a raw
// "@version". A raw repository's directory is a query of its repository page, as a version page's file is.

export const repositoryPath = (name: string) => `/repositories/${encodeURIComponent(name)}`;

/** A directory of a raw repository's page: the repository page with ?dir=dists/go/ (the top: no query). */
export const directoryPath = (name: string, dir: string) =>
  dir ? `${repositoryPath(name)}?${new URLSearchParams({ dir })}` : repositoryPath(name);

export const modulePath = (name: string, module: string) => `${repositoryPath(name)}/modules/${encodePath(module)}`;

export const versionPath = (name: string, module: string, version: string) =>
  `${modulePath(name, module)}@${encodeURIComponent(version)}`;

/** An administration page that edits one item: /admin/{section}/{name}/edit. */
export const adminEditPath = (section: "repositories" | "users" | "roles", name: string) =>
  `/admin/${section}/${encodeURIComponent(name)}/edit`;

/**
 * The module and version of a page path's part after ".../modules/", as the browser has it (still encoded): a module's
 * own '@' is %40, so the version is after the last raw '@'. Each side decoded.
 */
export function splitModuleVersion(encoded: string): { module: string; version?: string } {
  const trimmed = encoded.replace(/\/+$/, "");
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) {
    return { module: decodeSegments(trimmed) };
  }
  return { module: decodeSegments(trimmed.slice(0, at)), version: decodeSegments(trimmed.slice(at + 1)) };
}

function decodeSegments(path: string): string {
  return path
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // a stray '%': as written
      }
    })
    .join("/");
}
