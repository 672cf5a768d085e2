import { useId, useRef, useState } from "react";
import { DropZone } from "../../components/DropZone";
import { ApiError, messageOf } from "../../api/client";
import { uploadZip } from "../../api/modules";
import type { Repository } from "../../api/repositories";
import { ErrorText } from "../../components/ErrorText";

/**
 * "Upload": drop a module zip on the zone or choose it with the "Module zip" input; it is sent at once, as the raw
 * body, and the server reads module and version from the zip's entries. Success and refusal are said next to the zone.
 * The input is the keyboard's way in (the zone itself only takes drops), so it stays enabled while uploading: a
 * disabled input would drop the focus; a second file meanwhile is refused with a message instead.
 */
export function UploadSection({ repository, onUploaded }: { repository: Repository; onUploaded(): void }) {
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  if (repository.hosted?.writePolicy === "read-only") {
    return (
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload</h2>
        <p className="notice">This repository is read-only: it accepts no uploads.</p>
      </section>
    );
  }

  async function upload(file: File | undefined) {
    if (!file) {
      return;
    }
    if (busy) {
      setRefused(`Still uploading: choose ${file.name} again when it is done.`);
      return;
    }
    setBusy(true);
    setPublished(null);
    setRefused(null);
    try {
      const answer = await uploadZip(repository.name, file);
      setPublished(`Published ${answer.module}@${answer.version}.`);
      onUploaded();
    } catch (e) {
      // The server's own words: problem details' detail, or the text the Go endpoints answer with.
      setRefused(e instanceof ApiError ? (e.detail ?? e.title) : messageOf(e));
    } finally {
      setBusy(false);
      if (input.current) {
        input.current.value = ""; // choosing the same file again uploads it again
      }
    }
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload</h2>
      <DropZone busy={busy} onFiles={(files) => void upload(files[0])}>
        <p className="drop-zone-title">Drop a module zip here</p>
        <p className="muted" id={hintId}>
          A zip as <code>go mod download</code> makes it: every file under <code>module@version/</code>. Or choose it:
        </p>
        <label htmlFor="upload-zip">Module zip</label>
        <input
          id="upload-zip"
          ref={input}
          type="file"
          accept=".zip,application/zip"
          onChange={(e) => void upload(e.target.files?.[0])}
          aria-describedby={refused ? `${hintId} ${errorId}` : hintId}
          aria-invalid={refused ? true : undefined}
        />
        {busy && <p className="muted">Uploading…</p>}
      </DropZone>
      <p role="status" className="upload-status">
        {published}
      </p>
      <ErrorText id={errorId} message={refused} />
    </section>
  );
}
