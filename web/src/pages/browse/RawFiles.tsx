import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError } from "../../api/client";
import { contentUrl, deleteFile, directoryCrumbs, getTree, parentDirectory, type FileEntry, type TreeEntry } from "../../api/raw";
import type { Repository } from "../../api/repositories";
import { ActionNotice } from "../../components/ActionNotice";
import { ConfirmButton } from "../../components/ConfirmButton";
import { CopyButton } from "../../components/CopyButton";
import { ErrorText, LoadError } from "../../components/ErrorText";
import { formatBytes, formatTime } from "../../components/format";
import { ListTable } from "../../components/ListTable";
import { Pager } from "../../components/Pager";
import { directoryPath } from "../../components/paths";
import { SearchBox } from "../../components/SearchBox";
import { useApi } from "../../components/useApi";
import { useLocalPages } from "../../components/useLocalPages";

export const treePageSize = 100;

/**
 * "Files" of a raw repository: the directory `dir` (from the page's URL, so it can be linked and Back works) with its
 * breadcrumb, its subdirectories (links into them, named with a trailing slash) and files (each name a download link,
 * so that it is on screen at 400 px too, where the table scrolls sideways) and, for `canDelete`, a Delete. After moving
 * to another directory the focus goes to the breadcrumb's current directory (the link that was followed is gone).
 */
export function RawFiles({ repository, dir, generation, canDelete, onChanged }: {
  repository: Repository;
  dir: string;
  /** Bumped after a change (an upload): the directory loads again. */
  generation: number;
  canDelete: boolean;
  onChanged(): void;
}) {
  const name = repository.name;
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error, loading } = useApi(
    (options) => getTree(name, dir, options).then((tree) => ({ dir, tree })),
    [name, dir, generation],
  );
  // Entries of another directory (the one just left) are not shown under this one's breadcrumb.
  const tree = data?.dir === dir ? data.tree : undefined;

  const here = useRef<HTMLElement>(null);
  const shownDir = useRef(dir);
  const keepNotice = useRef(false);
  useEffect(() => {
    if (shownDir.current === dir) {
      return;
    }
    shownDir.current = dir;
    if (keepNotice.current) {
      keepNotice.current = false; // a delete emptied the directory and moved up: its notice has the focus
      return;
    }
    setNotice(null);
    here.current?.focus();
  }, [dir]);

  async function remove(entry: FileEntry) {
    let message = `Deleted ${entry.path}.`;
    try {
      await deleteFile(repository, entry.path);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        message = `${entry.path} was already deleted.`;
      } else if (e instanceof ApiError && e.status === 403) {
        throw new Error(`You may not delete files in ${name}: ${e.detail ?? e.title}`);
      } else {
        throw e;
      }
    }
    setNotice(message);
    if (dir !== "" && tree?.entries.every((other) => other.path === entry.path)) {
      // The directory held only this file, so it is gone too: show the nearest one that is left.
      keepNotice.current = true;
      navigate(directoryPath(name, await nearestDirectory(name, parentDirectory(dir))));
    }
    onChanged();
  }

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      <nav aria-label="Directory" className="breadcrumb directory-crumbs">
        {dir === "" ? (
          <span aria-current="page" tabIndex={-1} ref={here}>
            {name}
          </span>
        ) : (
          <Link to={directoryPath(name, "")}>{name}</Link>
        )}
        {directoryCrumbs(dir).map((crumb, i, all) => (
          <span key={crumb.path}>
            <span aria-hidden="true"> / </span>
            {i === all.length - 1 ? (
              <span aria-current="page" tabIndex={-1} ref={here}>
                {crumb.name}
              </span>
            ) : (
              <Link to={directoryPath(name, crumb.path)}>{crumb.name}</Link>
            )}
          </span>
        ))}
      </nav>
      <ActionNotice message={notice} />
      {error instanceof ApiError && error.status === 404 ? (
        <>
          <ErrorText message={error.detail ?? `There is no directory “${dir}” in ${name}.`} />
          <p>
            <Link to={directoryPath(name, "")}>Go to the top directory</Link>
          </p>
        </>
      ) : (
        <LoadError error={error} what="the directory" />
      )}
      {loading && !tree && <p className="muted">Loading…</p>}
      {tree && tree.entries.length === 0 && (
        <p className="muted">
          {dir !== "" ? "This directory is empty." : repository.type === "group" ? "Its members hold no files yet." : "This repository holds no files yet."}
        </p>
      )}
      {tree && tree.entries.length > 0 && (
        <Entries key={dir} repository={repository} dir={dir} entries={tree.entries} busy={loading} canDelete={canDelete} onDelete={remove} />
      )}
    </section>
  );
}

/** The directory's entries, a page at a time, with a filter when there are more than a page. */
function Entries({ repository, dir, entries, busy, canDelete, onDelete }: {
  repository: Repository;
  dir: string;
  entries: TreeEntry[];
  busy: boolean;
  canDelete: boolean;
  onDelete(entry: FileEntry): Promise<void>;
}) {
  const [filter, setFilter] = useState("");
  const wanted = filter.trim().toLowerCase();
  const matching = wanted ? entries.filter((e) => e.name.toLowerCase().includes(wanted)) : entries;
  const { shown, setPage, pager } = useLocalPages(matching, treePageSize);
  const idBase = useId();

  return (
    <>
      {entries.length > treePageSize && (
        <SearchBox
          id="tree-filter"
          label="Filter this directory"
          className="file-filter"
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
        />
      )}
      {matching.length === 0 ? (
        <p className="muted">No entry matches “{filter.trim()}”.</p>
      ) : (
        <ListTable
          caption={`Files in ${dir || "the top directory"} of ${repository.name}`}
          className="tree-table"
          busy={busy}
          columns={["Name", { label: "Size", numeric: true }, "SHA-256", "Created", ...(canDelete ? [{ label: "Actions", hidden: true }] : [])]}
        >
          {shown.map((entry, i) =>
            entry.type === "directory" ? (
              <tr key={entry.path}>
                <th scope="row" className="entry-name">
                  <Link to={directoryPath(repository.name, entry.path)}>{entry.name}/</Link>
                </th>
                <td className="num">–</td>
                <td />
                <td />
                {canDelete && <td />}
              </tr>
            ) : (
              <FileRow key={entry.path} repository={repository} file={entry} nameId={`${idBase}-${i}`} canDelete={canDelete} onDelete={onDelete} />
            ),
          )}
        </ListTable>
      )}
      <Pager {...pager} label="File pages" />
    </>
  );
}

function FileRow({ repository, file, nameId, canDelete, onDelete }: {
  repository: Repository;
  file: FileEntry;
  nameId: string;
  canDelete: boolean;
  onDelete(entry: FileEntry): Promise<void>;
}) {
  return (
    <tr>
      <th scope="row" className="entry-name">
        <a href={contentUrl(repository, file.path)} download={file.name} id={nameId} title={`Download ${file.name}`}>
          {file.name}
        </a>
      </th>
      <td className="num">
        <span title={`${file.size.toLocaleString()} bytes`}>{formatBytes(file.size)}</span>
      </td>
      <td className="hash-cell">
        {file.sha256 ? (
          <>
            <code title={file.sha256}>{shortHash(file.sha256)}</code>
            <CopyButton text={file.sha256} label="Copy SHA-256" />
          </>
        ) : (
          "–"
        )}
      </td>
      <td>
        <time dateTime={file.createdAt}>{formatTime(file.createdAt)}</time>
      </td>
      {canDelete && (
        <td>
          <ConfirmButton
            label="Delete"
            confirmLabel="Yes, delete"
            describedBy={nameId}
            question={
              <>
                Delete <strong>{file.name}</strong>? This cannot be undone.
              </>
            }
            onConfirm={() => onDelete(file)}
          />
        </td>
      )}
    </tr>
  );
}

/** The first 12 hex digits, enough to tell files apart by eye; the whole hash is in the title and the copy button. */
export const shortHash = (sha256: string) => (sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256);

/** `dir` if it still exists, else its nearest ancestor that does (the top always does). */
async function nearestDirectory(name: string, dir: string): Promise<string> {
  for (let current = dir; current !== ""; current = parentDirectory(current)) {
    try {
      await getTree(name, current);
      return current;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        return current; // not known to be gone: let its page say what is wrong
      }
    }
  }
  return "";
}
