import { Link, useSearchParams } from "react-router-dom";
import { normalizeDirectory } from "../../api/raw";
import type { Repository } from "../../api/repositories";
import { mayOnRepository, type Me } from "../../api/session";
import { ErrorText } from "../../components/ErrorText";
import { directoryPath } from "../../components/paths";
import { RawFiles } from "./RawFiles";
import { RawUploadSection } from "./RawUploadSection";
import { RawUseSection } from "./RawUseSection";

/**
 * The part of a raw repository's page below its summary: how to use it, (hosted, with write) an upload, and its files.
 * All three concern the directory in the page's URL (?dir=dists/go/; none: the top).
 */
export function RawContent({ repository, me, generation, onChanged }: {
  repository: Repository;
  me: Me | null;
  generation: number;
  onChanged(): void;
}) {
  const [params] = useSearchParams();
  const asked = params.get("dir") ?? "";
  const dir = normalizeDirectory(asked);
  const hosted = repository.type === "hosted";
  const writable = hosted && repository.hosted?.writePolicy !== "read-only";
  // What the server would allow (Permissions.Can), to offer only that: only a hosted repository takes writes (a proxy
  // or a group answers 405), and nothing changes in a read-only one.
  const canDelete = writable && mayOnRepository(me, repository.name, "delete");

  if (dir === null) {
    return (
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <ErrorText message={`“${asked}” is not a directory path: it has an empty segment, “.”, “..”, a backslash or a control character.`} />
        <p>
          <Link to={directoryPath(repository.name, "")}>Go to the top directory</Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <RawUseSection repository={repository} dir={dir} userName={me?.userName ?? null} />
      {/* Keyed by the directory: its subdirectory and messages concern the directory they were typed in, not the next. */}
      {hosted && mayOnRepository(me, repository.name, "write") && (
        <RawUploadSection key={dir} repository={repository} dir={dir} onUploaded={onChanged} />
      )}
      <RawFiles repository={repository} dir={dir} generation={generation} canDelete={canDelete} onChanged={onChanged} />
    </>
  );
}
