import { useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { getRepository, isRaw, listRepositories, type Repository } from "../../api/repositories";
import { mayOnRepository } from "../../api/session";
import { useSession } from "../../auth/SessionContext";
import { CopyButton } from "../../components/CopyButton";
import { ErrorText, LoadError } from "../../components/ErrorText";
import { formatBytes } from "../../components/format";
import { repositoryPath } from "../../components/paths";
import { OnlineBadge, typeLabel } from "../../components/repositoryLabels";
import { useApi } from "../../components/useApi";
import { ModuleList } from "./ModuleList";
import { RawContent } from "./RawContent";
import { SetupSection } from "./SetupSection";
import { UploadSection } from "./UploadSection";

/**
 * One repository: how to use it, what it holds, and (hosted, with write) an upload. Go: its modules; raw: its files, a
 * directory at a time (RawContent).
 */
export function RepositoryPage() {
  const name = useParams().name ?? "";
  const { me } = useSession();
  // Bumped after an upload (or a raw file's delete): the counts, the module list or directory, and the GONOSUMDB
  // prefixes load again.
  const [generation, setGeneration] = useState(0);
  const { data: repository, error } = useApi((options) => getRepository(name, options), [name, generation]);
  const onUploaded = useCallback(() => setGeneration((g) => g + 1), []);
  const current = repository?.name === name ? repository : undefined;

  return (
    <section className="browse">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/repositories">Repositories</Link>
      </nav>
      <h1>{name}</h1>
      {error instanceof ApiError && error.status === 404 ? (
        <ErrorText message={`There is no repository “${name}”.`} />
      ) : (
        <LoadError error={error} what="the repository" />
      )}
      {current && (
        <>
          <Summary repository={current} />
          {current.type === "group" && <Members group={current} />}
          {isRaw(current) ? (
            <RawContent repository={current} me={me} generation={generation} onChanged={onUploaded} />
          ) : (
            <>
              <SetupSection repository={current} userName={me?.userName ?? null} generation={generation} />
              {current.type === "hosted" && mayOnRepository(me, current.name, "write") && (
                <UploadSection repository={current} onUploaded={onUploaded} />
              )}
              <ModuleList repository={current.name} generation={generation} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Summary({ repository: r }: { repository: Repository }) {
  return (
    <dl className="facts">
      <div>
        <dt>Type</dt>
        <dd>
          {typeLabel(r.type)} ({r.format})
        </dd>
      </div>
      <div>
        <dt>State</dt>
        <dd>
          <OnlineBadge online={r.online} />
          {r.anonymousRead ? null : <span className="muted"> signed-in users only</span>}
        </dd>
      </div>
      <div>
        <dt>URL</dt>
        <dd>
          <code>{r.url}</code>
          <CopyButton text={r.url} label="Copy URL" />
        </dd>
      </div>
      {r.type === "proxy" && r.proxy?.upstream && (
        <div>
          <dt>Upstream</dt>
          <dd>
            <code>{r.proxy.upstream}</code>
          </dd>
        </div>
      )}
      {r.type !== "group" && (
        <div>
          <dt>Holds</dt>
          <dd>
            {isRaw(r) ? count(r.fileCount, "file") : `${count(r.moduleCount, "module")}, ${count(r.versionCount, "version")}`},{" "}
            {formatBytes(r.storageBytes)}
          </dd>
        </div>
      )}
    </dl>
  );
}

function count(n: number | null | undefined, noun: string): string {
  if (n === null || n === undefined) {
    return `– ${noun}s`;
  }
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A group's members, in the order it asks them (the first that holds a version answers). */
function Members({ group }: { group: Repository }) {
  const members = group.group?.members ?? [];
  // Only to say each member's type; without it the members are still listed.
  const { data } = useApi(listRepositories, []);
  const byName = new Map((data ?? []).map((r) => [r.name, r]));
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.length === 0 ? (
        <p className="muted">This group has no members yet.</p>
      ) : (
        <>
          <p className="muted">
            Asked in this order; the first member that holds {isRaw(group) ? "a file at a path" : "a module version"} answers for it.
          </p>
          <ol className="group-members">
            {members.map((m) => {
              const member = byName.get(m);
              return (
                <li key={m}>
                  <Link to={repositoryPath(m)}>{m}</Link>{" "}
                  {member ? (
                    <span className="muted">
                      {typeLabel(member.type)}
                      {member.online ? "" : ", offline"}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
