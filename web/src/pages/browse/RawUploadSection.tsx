import { useId, useRef, useState } from "react";
import { DropZone } from "../../components/DropZone";
import { ApiError, messageOf } from "../../api/client";
import { uploadFile, type StoredFile } from "../../api/raw";
import type { Repository } from "../../api/repositories";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { formatBytes } from "../../components/format";
import { directoryLabel } from "./rawSetup";

/**
 * A hosted raw repository's "Upload": drop files on the zone or choose them with the "Files to upload" input; each is
 * sent at once, as bytes, to the directory the page shows (or a subdirectory of it, typed first), under its own name.
 * What was stored and what the server refused are said next to the zone, as the Go upload does. The input stays enabled
 * while uploading (a disabled input would drop the focus); files chosen meanwhile are refused with a message instead.
 */
export function RawUploadSection({ repository, dir, onUploaded }: { repository: Repository; dir: string; onUploaded(): void }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [stored, setStored] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [subdirectory, setSubdirectory] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const policy = repository.hosted?.writePolicy;

  if (policy === "read-only") {
    return (
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload</h2>
        <p className="notice">This repository is read-only: it accepts no uploads.</p>
      </section>
    );
  }

  const target = dir + subdirectoryOf(subdirectory);

  async function upload(files: File[]) {
    if (files.length === 0) {
      return;
    }
    if (busy) {
      setRefused(`Still uploading: choose ${files.map((f) => f.name).join(", ")} again when it is done.`);
      return;
    }
    setBusy(true);
    setStored(null);
    setRefused(null);
    const done: string[] = [];
    const refusals: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        setProgress(files.length > 1 ? `Uploading ${i + 1} of ${files.length}: ${file.name}…` : `Uploading ${file.name}…`);
        const path = target + file.name;
        try {
          const { created, stored: answer } = await uploadFile(repository.name, path, file);
          done.push(storedMessage(answer, path, created, policy === "allow"));
        } catch (e) {
          // The server's own words: problem details' detail (or title), or its plain text.
          const words = e instanceof ApiError ? (e.detail ?? e.title) : messageOf(e);
          refusals.push(files.length > 1 ? `${file.name}: ${words}` : words);
          if (e instanceof ApiError && e.status === 401) {
            break; // the session has ended: the visitor is on the way to sign in
          }
        }
      }
    } finally {
      setBusy(false);
      setProgress(null);
      setStored(done.length > 0 ? done.join(" ") : null);
      setRefused(refusals.length > 0 ? refusals.join(" ") : null);
      if (input.current) {
        input.current.value = ""; // choosing the same file again uploads it again
      }
    }
    if (done.length > 0) {
      onUploaded();
    }
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload</h2>
      <DropZone busy={busy} onFiles={(files) => void upload(files)}>
        <p className="drop-zone-title">Drop files here</p>
        <p className="muted" id={hintId}>
          Each is stored under its own name in {target ? <code>{target}</code> : directoryLabel(target)}.{" "}
          {policy === "allow" ? "A file already at that path is replaced." : "A stored file never changes: other bytes at its path are refused."}{" "}
          Or choose them:
        </p>
        <Field
          id="upload-subdirectory"
          label="Subdirectory (optional)"
          className="upload-subdirectory"
          help={<>Inside {directoryLabel(dir)}, e.g. releases/1.0: type it before choosing the files.</>}
        >
          {(a11y) => (
            <input {...a11y} autoComplete="off" spellCheck={false} value={subdirectory} onChange={(e) => setSubdirectory(e.target.value)} />
          )}
        </Field>
        <label htmlFor="upload-files">Files to upload</label>
        <input
          id="upload-files"
          ref={input}
          type="file"
          multiple
          onChange={(e) => void upload([...(e.target.files ?? [])])}
          aria-describedby={refused ? `${hintId} ${errorId}` : hintId}
          aria-invalid={refused ? true : undefined}
        />
        {progress && <p className="muted">{progress}</p>}
      </DropZone>
      <p role="status" className="upload-status">
        {stored}
      </p>
      <ErrorText id={errorId} message={refused} />
    </section>
  );
}

/** "releases/1.0" (or with slashes around it) as the part of a path after the directory: "releases/1.0/"; "" for none. */
function subdirectoryOf(text: string): string {
  const trimmed = text.trim().replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed ? trimmed + "/" : "";
}

/** What an upload's answer means: 201 stored; 200 the same bytes were there (allow-once), or replaced (allow). */
function storedMessage(answer: StoredFile, path: string, created: boolean, overwrites: boolean): string {
  const where = answer.path || path;
  if (created) {
    return `Stored ${where} (${formatBytes(answer.size)}).`;
  }
  return overwrites ? `Replaced ${where} (${formatBytes(answer.size)}).` : `${where} was already stored with these bytes.`;
}
