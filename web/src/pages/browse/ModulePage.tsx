import { Link } from "react-router-dom";
import { getModule } from "../../api/browse";
import { ApiError, messageOf } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { Pager } from "../../components/Pager";
import { formatBytes, formatTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import { useState } from "react";
import { Breadcrumb } from "./Breadcrumb";
import { GoSum } from "./GoSum";
import { versionPath } from "./paths";

export const versionPageSize = 25;

/** One module: its versions, newest first, each with its size, downloads and go.sum lines. */
export function ModulePage({ repository, module }: { repository: string; module: string }) {
  const { data, error, loading } = useApi((signal) => getModule(repository, module, signal), [repository, module]);
  const [page, setPage] = useState(1);
  const versions = data?.versions ?? [];
  const shown = versions.slice((page - 1) * versionPageSize, page * versionPageSize);

  return (
    <section className="browse">
      <Breadcrumb repository={repository} />
      <h1>{module}</h1>
      {error !== undefined && (
        <ErrorText
          message={error instanceof ApiError && error.status === 404 ? (error.detail ?? `There is no module “${module}” here.`) : messageOf(error)}
        />
      )}
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <>
          <p className="muted">
            {versions.length === 1 ? "1 version" : `${versions.length} versions`}, {versions.reduce((n, v) => n + (v.downloads ?? 0), 0)}{" "}
            downloads in all.
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Versions of {module}</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Published</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col" className="num">
                    Downloads
                  </th>
                  <th scope="col">go.sum</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={versionPageSize} total={versions.length} onPage={setPage} label="Version pages" />
        </>
      )}
    </section>
  );
}
