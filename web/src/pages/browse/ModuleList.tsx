import { useEffect, useId, useState } from "react";
import { Link } from "react-router-dom";
import { listModules } from "../../api/browse";
import { messageOf } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { Pager } from "../../components/Pager";
import { formatTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import { modulePath, versionPath } from "./paths";

export const modulePageSize = 25;
/** How long typing pauses before the search goes to the server. */
export const searchDelayMs = 300;

/** "Modules": a search box (debounced; a new search starts at page 1), the table, and the pager. */
export function ModuleList({ repository, generation }: { repository: string; generation: number }) {
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const errorId = useId();

  useEffect(() => {
    const wanted = text.trim();
    if (wanted === search) {
      return;
    }
    const timer = window.setTimeout(() => {
      setSearch(wanted);
      setPage(1);
    }, searchDelayMs);
    return () => window.clearTimeout(timer);
  }, [text, search]);

  const { data, error, loading } = useApi(
    (signal) => listModules(repository, { search, page, pageSize: modulePageSize }, signal),
    [repository, search, page, generation],
  );
  const failed = error !== undefined ? messageOf(error) : null;

  return (
    <section aria-labelledby="modules-heading">
      <h2 id="modules-heading">Modules</h2>
      <form className="inline" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="module-search">Search modules</label>
        <input
          id="module-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Part of a module path"
          aria-describedby={failed ? errorId : undefined}
        />
      </form>
      <ErrorText id={errorId} message={failed} />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && data.items.length === 0 && (
        <p className="muted">{search ? `No module matches “${search}”.` : "This repository holds no modules yet."}</p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap" aria-busy={loading}>
          <table>
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col">Latest</th>
                <th scope="col" className="num">
                  Versions
                </th>
                <th scope="col" className="num">
                  Downloads
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.module}>
                  <th scope="row" className="module-path">
                    <Link to={modulePath(repository, m.module)}>{m.module}</Link>
                  </th>
                  <td>{m.latest ? <Link to={versionPath(repository, m.module, m.latest)}>{m.latest}</Link> : "–"}</td>
                  <td className="num">{m.versions}</td>
                  <td className="num">{m.downloads ?? 0}</td>
                  <td>{formatTime(m.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
    </section>
  );
}
