import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError, messageOf } from "../../api/client";
import { getFile, getVersion, type VersionDetail } from "../../api/modules";
import { CopyableCode } from "../../components/CopyableCode";
import { ErrorText, LoadError } from "../../components/ErrorText";
import { formatBytes, formatTime } from "../../components/format";
import { Pager } from "../../components/Pager";
import { SearchBox } from "../../components/SearchBox";
import { useApi } from "../../components/useApi";
import { useLocalPages } from "../../components/useLocalPages";
import { Breadcrumb } from "./Breadcrumb";
import { GoSum } from "./GoSum";

export const filePageSize = 100;

/** One version: how to get it, its go.sum lines and go.mod, and the files of its zip with a viewer (README first). */
export function VersionPage({ repository, module, version }: { repository: string; module: string; version: string }) {
  const { data, error, loading } = useApi((options) => getVersion(repository, module, version, options), [repository, module, version]);
  const goGet = `go get ${module}@${version}`;

  return (
    <section className="browse">
      <Breadcrumb repository={repository} module={module} />
      <h1>
        {module}@{version}
      </h1>
      {error instanceof ApiError && error.status === 404 ? (
        <ErrorText message={error.detail ?? `There is no ${module}@${version} here.`} />
      ) : (
        <LoadError error={error} what="the version" />
      )}
      {loading && !data && <p className="muted">Loading…</p>}
      {data && (
        <>
          <CopyableCode text={goGet} copyLabel="Copy go get" />
          <dl className="facts">
            <div>
              <dt>Published</dt>
              <dd>{formatTime(data.time)}</dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>{data.cached ? formatBytes(data.size) : "–"}</dd>
            </div>
            <div>
              <dt>Downloads</dt>
              <dd>{data.downloads ?? 0}</dd>
            </div>
          </dl>
          <h2>go.sum</h2>
          <GoSum module={data.module} version={data.version} zipHash={data.zipHash} modHash={data.modHash} />
          <section aria-labelledby="gomod-heading">
            <h2 id="gomod-heading">go.mod</h2>
            {data.goMod !== null ? (
              <pre className="gomod">{data.goMod}</pre>
            ) : (
              <p className="muted">The go.mod of this version is not stored here.</p>
            )}
          </section>
          <Files repository={repository} version={data} />
        </>
      )}
    </section>
  );
}

/** "Files": the zip's files (paged, filterable) and the viewer; ?file=path chooses the file, else the README. */
function Files({ repository, version }: { repository: string; version: VersionDetail }) {
  const [params] = useSearchParams();
  const [filter, setFilter] = useState("");
  const files = useMemo(() => version.files ?? [], [version.files]);
  const chosen = params.get("file") ?? version.readme ?? null;
  const wanted = filter.trim().toLowerCase();
  const matching = wanted ? files.filter((f) => f.path.toLowerCase().includes(wanted)) : files;
  const { shown, setPage, pager } = useLocalPages(matching, filePageSize);

  if (!version.cached || version.files === null) {
    return (
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <p className="notice">
          The zip of this version is not stored here (a proxy keeps it once someone has downloaded it through the proxy), so
          its files cannot be shown.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      <div className="split files">
        <div>
          {files.length > filePageSize && (
            <SearchBox
              id="file-filter"
              label="Filter files"
              className="file-filter"
              value={filter}
              onChange={(value) => {
                setFilter(value);
                setPage(1);
              }}
            />
          )}
          <nav aria-label="Files" className="file-list">
            <ul>
              {shown.map((f) => {
                const slash = f.path.lastIndexOf("/");
                return (
                  <li key={f.path}>
                    <Link
                      to={`?${new URLSearchParams({ file: f.path })}`}
                      aria-current={f.path === chosen ? "true" : undefined}
                      aria-label={f.path /* the name is the whole path, whatever the styling splits */}
                      title={`${f.path} (${formatBytes(f.size)})`}
                    >
                      {slash >= 0 && <span className="dir">{f.path.slice(0, slash + 1)}</span>}
                      {f.path.slice(slash + 1)}
                    </Link>
                  </li>
                );
              })}
            </ul>
            {matching.length === 0 && <p className="muted">No file matches.</p>}
          </nav>
          <Pager {...pager} label="File pages" />
        </div>
        <FileViewer repository={repository} version={version} path={chosen} />
      </div>
    </section>
  );
}

/** The chosen file as text; a binary, too large or missing file shows what the server said instead. */
function FileViewer({ repository, version, path }: { repository: string; version: VersionDetail; path: string | null }) {
  const { data, error, loading } = useApi(
    (options) => (path ? getFile(repository, version.module, version.version, path, options) : Promise.resolve(null)),
    [repository, version.module, version.version, path],
  );
  return (
    <section aria-label="File viewer" className="file-viewer">
      {path === null ? (
        <p className="muted">This version has no README: choose a file.</p>
      ) : (
        <>
          <h3>{path}</h3>
          {loading ? (
            <p className="muted">Loading…</p>
          ) : error !== undefined ? (
            <p className="notice">{error instanceof ApiError ? (error.detail ?? error.title) : `Could not load the file: ${messageOf(error)}`}</p>
          ) : (
            <pre>{data}</pre>
          )}
        </>
      )}
    </section>
  );
}
