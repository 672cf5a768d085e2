import { useState } from "react";
import { Link } from "react-router-dom";
import { deleteRepository, listRepositories } from "../../../api/admin";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { clampPage, ConfirmButton, FlashNotice, LoadError, pageOf } from "../shared";
import { typeLabel } from "./repositoryForm";

const pageSize = 50;

/** /admin/repositories: every repository, with Edit and Delete. */
export function RepositoriesAdminPage() {
  const { data, error, loading, reload } = useApi((signal) => listRepositories({ signal }), []);
  const [page, setPage] = useState(1);
  const [deleted, setDeleted] = useState<string | null>(null);
  const repositories = data ?? [];
  const current = clampPage(page, repositories.length, pageSize);

  return (
    <section>
      <h1>Manage repositories</h1>
      <p>
        <Link to="/admin/repositories/new" className="button">
          Create repository
        </Link>
      </p>
      <FlashNotice />
      {deleted && (
        <p className="notice" role="status">
          Deleted {deleted}.
        </p>
      )}
      <LoadError error={error} what="the repositories" />
      {loading && !data && <p>Loading…</p>}
      {data && repositories.length === 0 && <p className="muted">There are no repositories yet.</p>}
      {repositories.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Format</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Anonymous read</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {pageOf(repositories, current, pageSize).map((r) => (
                <tr key={r.name}>
                  <td>
                    <Link to={`/repositories/${encodeURIComponent(r.name)}`} id={`repo-${r.name}`}>
                      {r.name}
                    </Link>
                    {r.type === "group" && r.group && r.group.members.length > 0 && (
                      <div className="muted small">Members: {r.group.members.join(", ")}</div>
                    )}
                    {r.type === "proxy" && r.proxy && <div className="muted small">Upstream: {r.proxy.upstream}</div>}
                  </td>
                  <td>{r.format}</td>
                  <td>{typeLabel(r.type)}</td>
                  <td>
                    <span className={r.online ? "badge online" : "badge offline"}>{r.online ? "Online" : "Offline"}</span>
                  </td>
                  <td>{r.anonymousRead ? "Yes" : "No"}</td>
                  <td>
                    <div className="row actions">
                      <Link to={`/admin/repositories/${encodeURIComponent(r.name)}/edit`} aria-describedby={`repo-${r.name}`}>
                        Edit
                      </Link>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Yes, delete"
                        describedBy={`repo-${r.name}`}
                        question={
                          <>
                            Delete <strong>{r.name}</strong> and everything it holds?
                          </>
                        }
                        onConfirm={async () => {
                          await deleteRepository(r.name);
                          setDeleted(r.name);
                          reload();
                        }}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={current} pageSize={pageSize} total={repositories.length} onPage={setPage} label="Repository pages" />
    </section>
  );
}
