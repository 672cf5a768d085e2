import type { Repository } from "../../api/repositories";

// What a developer pastes into a shell to use a repository with the go command, and the go.sum lines of a version.

/** go.sum's two lines for a version: the zip's hash and the go.mod's (those known). */
export function goSumLines(module: string, version: string, zipHash?: string | null, modHash?: string | null): string[] {
  const lines: string[] = [];
  if (zipHash) {
    lines.push(`${module} ${version} ${zipHash}`);
  }
  if (modHash) {
    lines.push(`${module} ${version}/go.mod ${modHash}`);
  }
  return lines;
}

// On these hosts the first element after the host is an owner, and one owner's modules say nothing about another's.
const ownerHosts = new Set(["github.com", "gitlab.com", "bitbucket.org"]);

/**
 * GONOSUMDB patterns covering module paths: each path's host (example.com), or host/owner on the big public hosting
 * sites (github.com/acme), so that a private repository does not switch off checksum checks for all of github.com.
 */
export function privatePrefixes(modules: string[]): string[] {
  const prefixes = new Set<string>();
  for (const module of modules) {
    const parts = module.split("/");
    prefixes.add(ownerHosts.has(parts[0]) && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return [...prefixes].sort();
}

export const tokenPlaceholder = "YOUR_API_TOKEN";
export const userPlaceholder = "YOUR_USER_NAME";
const prefixPlaceholder = "example.com/your-team";

/**
 * The shell snippet of the repository page.
 *
 * - GOPROXY is the repository's URL alone, for every type: no ",direct". That is what Nexus, Artifactory and Athens
 *   document (their proxy or group is the one source), and it is what a repository manager is for: with ",direct" every
 *   404 (a module the proxy's block rules keep back, a private module not published yet) would go to its VCS host from the
 *   developer's machine, bypassing those rules, leaking private paths, and failing anyway on a network without internet.
 *   A hosted repository serves only its own modules, so the snippet says that public dependencies need a group.
 * - GONOSUMDB (hosted and group): the private modules' path prefixes, so the go command does not ask the public checksum
 *   database about them (it does not know them, and would learn their names). Not GOPRIVATE: that also sets GONOPROXY,
 *   and the go command would then bypass this proxy for exactly the modules it serves. A proxy needs none: its modules are
 *   public and it serves the checksum database itself.
 * - .netrc: the go command's credentials (sent only over HTTPS), machine = host without port, the signed-in user's name
 *   and a placeholder for an API token (created on the account page).
 */
export function setupSnippet(repository: Repository, userName: string | null, prefixes: string[] | null): string {
  const base = repository.url.replace(/\/+$/, "");
  const lines: string[] = [];
  lines.push(`# Fetch Go modules through ArtifactHub's repository "${repository.name}"`);
  if (repository.type === "hosted") {
    lines.push("# (it serves only the modules published to it: for public dependencies use a group that includes a proxy)");
  }
  lines.push(`export GOPROXY=${base}`);
  if (repository.type !== "proxy") {
    if (prefixes && prefixes.length > 0) {
      lines.push("# Private modules are not in the public checksum database: do not ask it about them");
      lines.push(`export GONOSUMDB=${prefixes.join(",")}`);
    } else {
      lines.push("# Private modules are not in the public checksum database: edit to your modules' path prefixes");
      lines.push(`export GONOSUMDB=${prefixPlaceholder}`);
    }
  }
  lines.push(`# Credentials (the go command sends them over HTTPS only): replace ${tokenPlaceholder} with an API token`);
  lines.push("cat >> ~/.netrc <<'NETRC'");
  lines.push(`machine ${hostOf(repository.url)} login ${userName || userPlaceholder} password ${tokenPlaceholder}`);
  lines.push("NETRC");
  lines.push("chmod 600 ~/.netrc");
  return lines.join("\n") + "\n";
}

/** The host name without the port, as .netrc's `machine` wants it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "HOST";
  }
}
