import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { deleteUser, listUsers } from "../../../api/admin";
import { useSession } from "../../../auth/SessionContext";
import { Pager } from "../../../components/Pager";
import { useApi } from "../../../components/useApi";
import { ConfirmButton, FlashNotice, LoadError } from "../shared";

const pageSize = 25;

/** /admin/users?search=&page=: the users, paged by the server. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get("search") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [text, setText] = useState(search);
  const [deleted, setDeleted] = useState<string | null>(null);
  const { me } = useSession();
  const { data, error, loading, reload } = useApi((signal) => listUsers({ search, page, pageSize }, { signal }), [search, page]);

  function go(next: { search?: string; page?: number }) {
    const s = next.search ?? search;
    const p = next.page ?? page;
    const query: Record<string, string> = {};
    if (s) query.search = s;
    if (p > 1) query.page = String(p);
    setParams(query);
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    go({ search: text.trim(), page: 1 });
  }

  return (
    <section>
      <h1>Users</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          Create user
        </Link>
      </p>
      <FlashNotice />
      {deleted && (
        <p className="notice" role="status">
          Deleted {deleted}.
        </p>
      )}
      <form className="inline" role="search" onSubmit={onSearch}>
        <label htmlFor="users-search">Search users</label>
        <input id="users-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      <LoadError error={error} what="the users" />
      {loading && !data && <p>Loading…</p>}
      {data && data.items.length === 0 && <p className="muted">{search ? `No user matches \u201c${search}\u201d.` : "There are no users."}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">User name</th>
                <th scope="col">Display name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Kind</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((u) => (
                <tr key={u.userName}>
                  <td>
                    <span id={`user-${u.userName}`}>{u.userName}</span>
                    {u.disabled && <span className="badge offline"> Disabled</span>}
                  </td>
                  <td>{u.displayName ?? ""}</td>
                  <td>{u.email ?? ""}</td>
                  <td>{u.roles.join(", ")}</td>
                  <td>{u.serviceAccount ? "Service account" : "Password"}</td>
                  <td>
                    <div className="row actions">
                      <Link to={`/admin/users/${encodeURIComponent(u.userName)}/edit`} aria-describedby={`user-${u.userName}`}>
                        Edit
                      </Link>
                      {me?.userName !== u.userName && (
                        <ConfirmButton
                          label="Delete"
                          confirmLabel="Yes, delete"
                          describedBy={`user-${u.userName}`}
                          question={
                            <>
                              Delete <strong>{u.userName}</strong> and their tokens?
                            </>
                          }
                          onConfirm={async () => {
                            await deleteUser(u.userName);
                            setDeleted(u.userName);
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
      {data && <Pager page={page} pageSize={pageSize} total={data.total} onPage={(p) => go({ page: p })} label="User pages" />}
    </section>
  );
}
