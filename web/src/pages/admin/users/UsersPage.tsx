import { useState } from "react";
import { Link } from "react-router-dom";
import { deleteUser, listUsers } from "../../../api/admin";
import { useSession } from "../../../auth/SessionContext";
import { ActionNotice } from "../../../components/ActionNotice";
import { LoadError } from "../../../components/ErrorText";
import { ListTable } from "../../../components/ListTable";
import { Pager } from "../../../components/Pager";
import { adminEditPath } from "../../../components/paths";
import { SearchBox } from "../../../components/SearchBox";
import { useApi } from "../../../components/useApi";
import { useListQuery } from "../../../components/useListQuery";
import { EditAndDelete, FlashNotice } from "../shared";

const pageSize = 25;
const queryKeys = ["search"] as const;

/** /admin/users?search=&page=: the users, paged by the server. */
export function UsersPage() {
  const { applied, page, draft, setDraft, go } = useListQuery(queryKeys);
  const search = applied.search;
  const [deleted, setDeleted] = useState<string | null>(null);
  const { me } = useSession();
  const { data, error, loading, reload } = useApi((options) => listUsers({ search, page, pageSize }, options), [search, page]);

  return (
    <section>
      <h1>Users</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          Create user
        </Link>
      </p>
      <FlashNotice />
      <ActionNotice message={deleted} />
      <SearchBox
        id="users-search"
        label="Search users"
        value={draft.search}
        onChange={(value) => setDraft({ search: value })}
        onSubmit={() => go(draft)}
        button="Search"
      />
      <LoadError error={error} what="the users" />
      {loading && !data && <p>Loading…</p>}
      {data && data.items.length === 0 && <p className="muted">{search ? `No user matches \u201c${search}\u201d.` : "There are no users."}</p>}
      {data && data.items.length > 0 && (
        <ListTable caption="Users" busy={loading} columns={["User name", "Display name", "Email", "Roles", "Kind", "Actions"]}>
          {data.items.map((u) => (
            <tr key={u.userName}>
              <th scope="row">
                <span id={`user-${u.userName}`}>{u.userName}</span>
                {u.disabled && <span className="badge offline"> Disabled</span>}
              </th>
              <td>{u.displayName ?? ""}</td>
              <td>{u.email ?? ""}</td>
              <td>{u.roles.join(", ")}</td>
              <td>{u.serviceAccount ? "Service account" : "Password"}</td>
              <td>
                <EditAndDelete
                  editTo={adminEditPath("users", u.userName)}
                  nameId={`user-${u.userName}`}
                  question={
                    me?.userName === u.userName ? null /* nobody deletes themselves from here */ : (
                      <>
                        Delete <strong>{u.userName}</strong> and their tokens?
                      </>
                    )
                  }
                  onDelete={async () => {
                    await deleteUser(u.userName);
                    setDeleted(`Deleted ${u.userName}.`);
                    reload();
                  }}
                />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {data && <Pager page={page} pageSize={pageSize} total={data.total} onPage={(p) => go(applied, p)} label="User pages" />}
    </section>
  );
}
