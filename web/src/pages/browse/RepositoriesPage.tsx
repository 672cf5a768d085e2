import { Link } from "react-router-dom";
import { isRaw, listRepositories, type Repository } from "../../api/repositories";
import { CopyButton } from "../../components/CopyButton";
import { LoadError } from "../../components/ErrorText";
import { formatBytes } from "../../components/format";
import { ListTable } from "../../components/ListTable";
import { repositoryPath } from "../../components/paths";
import { OnlineBadge, typeLabel } from "../../components/repositoryLabels";
import { useApi } from "../../components/useApi";

/** Every repository the caller may read, with where to point GOPROXY (or curl) and what each holds. */
export function RepositoriesPage() {
  const { data, error, loading } = useApi(listRepositories, []);

  return (
    <section className="browse">
      <h1>Repositories</h1>
      <LoadError error={error} what="the repositories" />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && data.length === 0 && <p className="notice">There are no repositories you may read.</p>}
      {data && data.length > 0 && (
        <ListTable
          caption="Repositories"
          className="repo-table"
          columns={["Name", "Format", "Type", "URL", "State", { label: countHeading(data), numeric: true }, { label: "Storage", numeric: true }]}
        >
          {data.map((r) => (
            <RepositoryRow key={r.name} repository={r} />
          ))}
        </ListTable>
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
      <td>{typeLabel(r.type)}</td>
      <td className="url-cell">
        <code>{r.url}</code>
        <CopyButton text={r.url} label="Copy URL" />
      </td>
      <td>
        <OnlineBadge online={r.online} />
      </td>
      <td className="num">{group ? <Members count={r.group?.members?.length ?? 0} /> : ((isRaw(r) ? r.fileCount : r.moduleCount) ?? "–")}</td>
      <td className="num">{group ? "–" : formatBytes(r.storageBytes)}</td>
    </tr>
  );
}

/** What the count column counts: a Go repository's modules, a raw one's files (each row's Format says which). */
function countHeading(repositories: Repository[]): string {
  const raw = repositories.filter(isRaw).length;
  return raw === 0 ? "Modules" : raw === repositories.length ? "Files" : "Modules / files";
}

/** A group holds nothing itself: say whose content it shows instead of a count. */
function Members({ count }: { count: number }) {
  return <span className="muted">{count === 1 ? "1 member" : `${count} members`}</span>;
}
