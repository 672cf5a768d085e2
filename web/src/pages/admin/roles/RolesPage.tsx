import { useState } from "react";
import { Link } from "react-router-dom";
import { deleteRole, listRoles } from "../../../api/admin";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { clampPage, ConfirmButton, FlashNotice, LoadError, pageOf } from "../shared";

const pageSize = 50;

/** /admin/roles: every role with its privileges. */
export function RolesPage() {
  const { data, error, loading, reload } = useApi((signal) => listRoles({ signal }), []);
  const [page, setPage] = useState(1);
  const [deleted, setDeleted] = useState<string | null>(null);
  const roles = data ?? [];
  const current = clampPage(page, roles.length, pageSize);

  return (
    <section>
      <h1>Roles</h1>
      <p>
        <Link to="/admin/roles/new" className="button">
          Create role
        </Link>
      </p>
      <FlashNotice />
      {deleted && (
        <p className="notice" role="status">
          Deleted {deleted}.
        </p>
      )}
      <LoadError error={error} what="the roles" />
      {loading && !data && <p>Loading…</p>}
      {roles.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Privileges</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {pageOf(roles, current, pageSize).map((r) => (
                <tr key={r.name}>
                  <td>
                    <span id={`role-${r.name}`}>{r.name}</span>
                    {r.builtIn && <span className="badge"> Built in</span>}
                  </td>
                  <td>{r.description ?? ""}</td>
                  <td>
                    {r.privileges.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="plain">
                        {r.privileges.map((p) => (
                          <li key={p}>
                            <code>{p}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <div className="row actions">
                      <Link to={`/admin/roles/${encodeURIComponent(r.name)}/edit`} aria-describedby={`role-${r.name}`}>
                        Edit
                      </Link>
                      {!r.builtIn && (
                        <ConfirmButton
                          label="Delete"
                          confirmLabel="Yes, delete"
                          describedBy={`role-${r.name}`}
                          question={
                            <>
                              Delete <strong>{r.name}</strong>? Users holding it lose it.
                            </>
                          }
                          onConfirm={async () => {
                            await deleteRole(r.name);
                            setDeleted(r.name);
                            reload();
                          }}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={current} pageSize={pageSize} total={roles.length} onPage={setPage} label="Role pages" />
    </section>
  );
}
