import { useState } from "react";
import { Link } from "react-router-dom";
import { deleteRepository, listRepositories } from "../../../api/repositories";
import { ActionNotice } from "../../../components/ActionNotice";
import { LoadError } from "../../../components/ErrorText";
import { ListTable } from "../../../components/ListTable";
import { Pager } from "../../../components/Pager";
import { adminEditPath, repositoryPath } from "../../../components/paths";
import { OnlineBadge, typeLabel } from "../../../components/repositoryLabels";
import { useApi } from "../../../components/useApi";
import { useLocalPages } from "../../../components/useLocalPages";
import { EditAndDelete, FlashNotice } from "../shared";

const pageSize = 50;

/** /admin/repositories: every repository, with Edit and Delete. */
export function RepositoriesAdminPage() {
  const { data, error, loading, reload } = useApi(listRepositories, []);
  const [deleted, setDeleted] = useState<string | null>(null);
  const { shown, pager } = useLocalPages(data ?? [], pageSize);

  return (
    <section>
      <h1>Manage repositories</h1>
      <p>
        <Link to="/admin/repositories/new" className="button">
          Create repository
        </Link>
      </p>
      <FlashNotice />
      <ActionNotice message={deleted} />
      <LoadError error={error} what="the repositories" />
      {loading && !data && <p>Loading…</p>}
      {data && data.length === 0 && <p className="muted">There are no repositories yet.</p>}
      {shown.length > 0 && (
        <ListTable caption="Repositories" columns={["Name", "Format", "Type", "Status", "Anonymous read", "Actions"]}>
          {shown.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <Link to={repositoryPath(r.name)} id={`repo-${r.name}`}>
                  {r.name}
                </Link>
                {r.type === "group" && r.group && r.group.members.length > 0 && (
                  <div className="muted small">Members: {r.group.members.join(", ")}</div>
                )}
                {r.type === "proxy" && r.proxy && <div className="muted small">Upstream: {r.proxy.upstream}</div>}
              </th>
              <td>{r.format}</td>
              <td>{typeLabel(r.type)}</td>
              <td>
                <OnlineBadge online={r.online} />
              </td>
              <td>{r.anonymousRead ? "Yes" : "No"}</td>
              <td>
                <EditAndDelete
                  editTo={adminEditPath("repositories", r.name)}
                  nameId={`repo-${r.name}`}
                  question={
                    <>
                      Delete <strong>{r.name}</strong> and everything it holds?
                    </>
                  }
                  onDelete={async () => {
                    await deleteRepository(r.name);
                    setDeleted(`Deleted ${r.name}.`);
                    reload();
                  }}
                />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pager {...pager} label="Repository pages" />
    </section>
  );
}
