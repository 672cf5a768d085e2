import { useEffect, useId, useState } from "react";
import { Link } from "react-router-dom";
import { messageOf } from "../../api/client";
import { listModules } from "../../api/modules";
import { ErrorText } from "../../components/ErrorText";
import { formatTime } from "../../components/format";
import { ListTable } from "../../components/ListTable";
import { Pager } from "../../components/Pager";
import { modulePath, versionPath } from "../../components/paths";
import { SearchBox } from "../../components/SearchBox";
import { useApi } from "../../components/useApi";

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

  // useApi drops an answer a newer search overtook: a slow "he" never replaces "hello".
  const { data, error, loading } = useApi(
    (options) => listModules(repository, { search, page, pageSize: modulePageSize }, options),
    [repository, search, page, generation],
  );
  const failed = error !== undefined ? `Could not load the modules: ${messageOf(error)}` : null;

  return (
    <section aria-labelledby="modules-heading">
      <h2 id="modules-heading">Modules</h2>
      <SearchBox
        id="module-search"
        label="Search modules"
        value={text}
        onChange={setText}
        placeholder="Part of a module path"
        describedBy={failed ? errorId : undefined}
      />
      <ErrorText id={errorId} message={failed} />
      {loading && !data && <p className="muted">Loading…</p>}
      {data && data.items.length === 0 && (
        <p className="muted">{search ? `No module matches “${search}”.` : "This repository holds no modules yet."}</p>
      )}
      {data && data.items.length > 0 && (
        <ListTable
          caption={`Modules of ${repository}`}
          busy={loading}
          columns={["Module", "Latest", { label: "Versions", numeric: true }, { label: "Downloads", numeric: true }, "Updated"]}
        >
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
        </ListTable>
      )}
      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
    </section>
  );
}
