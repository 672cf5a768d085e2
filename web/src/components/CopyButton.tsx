import { useEffect, useRef, useState } from "react";
import { announce } from "./announce";

/** Copies `text` to the clipboard and says so; `label` names what is copied ("Copy URL"). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    let next: "copied" | "failed";
    try {
      await writeClipboard(text);
      next = "copied";
      announce("Copied to the clipboard");
    } catch {
      next = "failed";
      announce("Could not copy: select the text and copy it");
    }
    setState(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button type="button" className="copy" onClick={copy} aria-label={label} title={label}>
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}
    </button>
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
