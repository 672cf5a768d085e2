import { encodePath } from "../../api/client";

// Where the browsing pages live (relative to the router's basename /ui). Module paths keep their slashes, each segment
// encoded; a version page is the module page's path followed by "@version" (one splat route, split at the last '@').

export const repositoryPath = (name: string) => `/repositories/${encodeURIComponent(name)}`;

export const modulePath = (name: string, module: string) => `${repositoryPath(name)}/modules/${encodePath(module)}`;

export const versionPath = (name: string, module: string, version: string) =>
  `${modulePath(name, module)}@${encodeURIComponent(version)}`;

/** The splat of "repositories/:name/modules/*": a module path, or "module@version" (module paths hold no '@'). */
export function splitModuleVersion(splat: string): { module: string; version?: string } {
  const trimmed = splat.replace(/\/+$/, "");
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) {
    return { module: trimmed };
  }
  return { module: trimmed.slice(0, at), version: trimmed.slice(at + 1) };
}
