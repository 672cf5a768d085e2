import { Link } from "react-router-dom";
import { listRepositories, type Repository } from "../../api/browse";
import { messageOf } from "../../api/client";
import { CopyButton } from "../../components/CopyButton";
import { ErrorText } from "../../components/ErrorText";
import { formatBytes } from "../../components/format";
import { useApi } from "../../components/useApi";
import { repositoryPath } from "./paths";

export const typeLabels: Record<string, string> = { hosted: "Hosted", proxy: "Proxy", group: "Group" };

/** Every repository the caller may read, with where to point GOPROXY and what each holds. */
export function RepositoriesPage() {
  const { data, error, loading } = useApi((signal) => listRepositories(signal), []);

  return (
    <section className="browse">
      <h1>Repositories</h1>
      {error !== undefined && <ErrorText message={messageOf(error)} />}
      {loading && !data && <p className="muted">Loading…</p>}
      {data && data.length === 0 && <p className="notice">There are no repositories you may read.</p>}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="repo-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Format</th>
                <th scope="col">Type</th>
                <th scope="col">URL</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Modules
                </th>
                <th scope="col" className="num">
                  Storage
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <RepositoryRow key={r.name} repository={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RepositoryRow({ repository: r }: { repository: Repository }) {
  const group = r.type === "group";
  return (
    <tr>
      <th scope="row" className="sticky-col">
        <Link to={repositoryPath(r.name)}>{r.name}</Link>
      </th>
      <td>{r.format}</td>
      <td>{typeLabels[r.type] ?? r.type}</td>
      <td className="url-cell">
        <code>{r.url}</code>
        <CopyButton text={r.url} label="Copy URL" />
      </td>
      <td>
        <StateBadge online={r.online} />
      </td>
      <td className="num">{group ? <Members count={r.group?.members?.length ?? 0} /> : (r.moduleCount ?? "–")}</td>
      <td className="num">{group ? "–" : formatBytes(r.storageBytes)}</td>
    </tr>
  );
}

/** A group holds nothing itself: say whose content it shows instead of a count. */
function Members({ count }: { count: number }) {
  return <span className="muted">{count === 1 ? "1 member" : `${count} members`}</span>;
}

export function StateBadge({ online }: { online: boolean }) {
  return <span className={online ? "badge online" : "badge offline"}>{online ? "Online" : "Offline"}</span>;
}
