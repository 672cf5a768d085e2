import { Link } from "react-router-dom";
import { ApiError } from "../../api/client";
import { getModule } from "../../api/modules";
import { ErrorText, LoadError } from "../../components/ErrorText";
import { formatBytes, formatTime } from "../../components/format";
import { ListTable } from "../../components/ListTable";
import { Pager } from "../../components/Pager";
import { versionPath } from "../../components/paths";
import { useApi } from "../../components/useApi";
import { useLocalPages } from "../../components/useLocalPages";
import { Breadcrumb } from "./Breadcrumb";
import { GoSum } from "./GoSum";

export const versionPageSize = 25;

/** One module: its versions, newest first, each with its size, downloads and go.sum lines. */
export function ModulePage({ repository, module }: { repository: string; module: string }) {
  const { data, error, loading } = useApi((options) => getModule(repository, module, options), [repository, module]);
  const versions = data?.versions ?? [];
  const { shown, pager } = useLocalPages(versions, versionPageSize);

  return (
    <section className="browse">
      <Breadcrumb repository={repository} />
      <h1>{module}</h1>
      {error instanceof ApiError && error.status === 404 ? (
        <ErrorText message={error.detail ?? `There is no module “${module}” here.`} />
      ) : (
        <LoadError error={error} what="the module" />
      )}
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <>
          <p className="muted">
            {versions.length === 1 ? "1 version" : `${versions.length} versions`}, {versions.reduce((n, v) => n + (v.downloads ?? 0), 0)}{" "}
            downloads in all.
          </p>
          <ListTable
            caption={`Versions of ${module}`}
            columns={["Version", "Published", { label: "Size", numeric: true }, { label: "Downloads", numeric: true }, "go.sum"]}
          >
            {shown.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  <Link to={versionPath(repository, module, v.version)}>{v.version}</Link>
                </th>
                <td>{formatTime(v.time)}</td>
                <td className="num">{v.zipHash || v.size ? formatBytes(v.size) : "–"}</td>
                <td className="num">{v.downloads ?? 0}</td>
                <td className="gosum-cell">
                  <GoSum module={module} version={v.version} zipHash={v.zipHash} modHash={v.modHash} />
                </td>
              </tr>
            ))}
          </ListTable>
          <Pager {...pager} label="Version pages" />
        </>
      )}
    </section>
  );
}
