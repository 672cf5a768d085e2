import { useState } from "react";

/** Copies `text` to the clipboard and says so; `label` names what is copied for screen readers ("Copy URL"). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await writeClipboard(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  }

  // The announcement is a live region beside the button (a button's content is presentational, not announced), and
  // not role=status: a page has many copy buttons, and their empty regions must not be what getByRole("status") finds.
  return (
    <>
      <button type="button" className="copy" onClick={copy} aria-label={label} title={label}>
        {state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard" : ""}
      </span>
    </>
  );
}

/** The clipboard API needs a secure context (https or localhost); over plain http elsewhere, fall back to execCommand. */
async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  document.body.removeChild(area);
  if (!ok) {
    throw new Error("copy refused");
  }
}
