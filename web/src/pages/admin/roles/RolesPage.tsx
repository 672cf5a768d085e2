import { useState } from "react";
import { Link } from "react-router-dom";
import { deleteRole, listRoles } from "../../../api/admin";
import { ActionNotice } from "../../../components/ActionNotice";
import { LoadError } from "../../../components/ErrorText";
import { ListTable } from "../../../components/ListTable";
import { Pager } from "../../../components/Pager";
import { adminEditPath } from "../../../components/paths";
import { useApi } from "../../../components/useApi";
import { useLocalPages } from "../../../components/useLocalPages";
import { EditAndDelete, FlashNotice } from "../shared";

const pageSize = 50;

/** /admin/roles: every role with its privileges. */
export function RolesPage() {
  const { data, error, loading, reload } = useApi(listRoles, []);
  const [deleted, setDeleted] = useState<string | null>(null);
  const { shown, pager } = useLocalPages(data ?? [], pageSize);

  return (
    <section>
      <h1>Roles</h1>
      <p>
        <Link to="/admin/roles/new" className="button">
          Create role
        </Link>
      </p>
      <FlashNotice />
      <ActionNotice message={deleted} />
      <LoadError error={error} what="the roles" />
      {loading && !data && <p>Loading…</p>}
      {shown.length > 0 && (
        <ListTable caption="Roles" columns={["Name", "Description", "Privileges", "Actions"]}>
          {shown.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <span id={`role-${r.name}`}>{r.name}</span>
                {r.builtIn && <span className="badge"> Built in</span>}
              </th>
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
                <EditAndDelete
                  editTo={adminEditPath("roles", r.name)}
                  nameId={`role-${r.name}`}
                  question={
                    r.builtIn ? null : (
                      <>
                        Delete <strong>{r.name}</strong>? Users holding it lose it.
                      </>
                    )
                  }
                  onDelete={async () => {
                    await deleteRole(r.name);
                    setDeleted(`Deleted ${r.name}.`);
                    reload();
                  }}
                />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pager {...pager} label="Role pages" />
    </section>
  );
}
