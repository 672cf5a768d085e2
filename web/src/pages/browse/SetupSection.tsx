import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { listModules } from "../../api/modules";
import { listRepositories, type Repository } from "../../api/repositories";
import { CopyableCode } from "../../components/CopyableCode";
import { privatePrefixes, setupSnippet, tokenPlaceholder } from "./goSetup";

/** The modules of a repository the GONOSUMDB line is derived from: at most this many (one page). */
const prefixSample = 200;

/** "Set up": the shell lines that point the go command at this repository. */
export function SetupSection({ repository, userName, generation }: { repository: Repository; userName: string | null; generation: number }) {
  const prefixes = usePrivatePrefixes(repository, generation);
  const snippet = setupSnippet(repository, userName, prefixes);
  const plainHttp = repository.url.startsWith("http:");
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set up</h2>
      <CopyableCode text={snippet} copyLabel="Copy set-up" />
      <p className="muted">
        {userName ? (
          <>
            Replace <code>{tokenPlaceholder}</code> with an API token: create one on your <Link to="/account">account page</Link>.
          </>
        ) : (
          <>
            Replace the user name and <code>{tokenPlaceholder}</code> with yours: <Link to="/sign-in">sign in</Link>, then
            create an API token on your account page. Repositories open to anonymous users need no credentials.
          </>
        )}
      </p>
      {plainHttp && (
        <p className="notice">
          This server is reached over plain HTTP: the go command sends <code>.netrc</code> credentials only over HTTPS, so
          through this URL it reads only what anonymous users may.
        </p>
      )}
    </section>
  );
}

/**
 * The path prefixes of the private modules a repository serves: a hosted repository's own modules; for a group those of
 * its hosted members (a proxy member's modules are public and must stay checked). null: none known (the snippet then
 * holds a placeholder the user edits), also when a member is not readable by the caller. The lookups are probes: a
 * refusal only leaves the placeholder, it does not send the visitor to sign in.
 */
function usePrivatePrefixes(repository: Repository, generation: number): string[] | null {
  const [prefixes, setPrefixes] = useState<string[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const options = { signal: controller.signal, probe: true };
    async function load(): Promise<string[] | null> {
      let hosted: string[] = [];
      if (repository.type === "hosted") {
        hosted = [repository.name];
      } else if (repository.type === "group") {
        hosted = hostedMembers(repository, await listRepositories(options));
      }
      const modules: string[] = [];
      for (const name of hosted) {
        try {
          const page = await listModules(name, { page: 1, pageSize: prefixSample }, options);
          modules.push(...page.items.map((m) => m.module));
        } catch (e) {
          if (controller.signal.aborted) {
            throw e;
          }
          // a member this caller may not read: its modules stay unknown here
        }
      }
      return modules.length > 0 ? privatePrefixes(modules) : null;
    }
    setPrefixes(null);
    if (repository.type !== "proxy") {
      load()
        .then((found) => !controller.signal.aborted && setPrefixes(found))
        .catch(() => undefined); // the placeholder stays, and the snippet says to edit it
    }
    return () => controller.abort();
  }, [repository, generation]);
  return prefixes;
}

/** The hosted repositories a group reaches, through nested groups too (each once), among those the caller may read. */
function hostedMembers(group: Repository, readable: Repository[]): string[] {
  const byName = new Map(readable.map((r) => [r.name, r]));
  const seen = new Set<string>([group.name]);
  const hosted: string[] = [];
  const visit = (members: string[] | undefined) => {
    for (const name of members ?? []) {
      if (seen.has(name)) {
        continue;
      }
      seen.add(name);
      const member = byName.get(name);
      if (member?.type === "hosted") {
        hosted.push(name);
      } else if (member?.type === "group") {
        visit(member.group?.members);
      }
    }
  };
  visit(group.group?.members);
  return hosted;
}
