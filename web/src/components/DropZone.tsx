import { useState, type ReactNode } from "react";

/** The area a file is dropped on (and what it holds: the title, the hint, a file input for the keyboard). */
export function DropZone({ busy, onFiles, children }: { busy: boolean; onFiles(files: File[]): void; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={dragging ? "drop-zone dragging" : "drop-zone"}
      onDragEnter={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
          setDragging(false);
        }
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles([...e.dataTransfer.files]);
      }}
      aria-busy={busy}
    >
      {children}
    </div>
  );
}
