import { CopyButton } from "./CopyButton";

/** A block of text to paste somewhere (a shell snippet, go.sum lines) with the button that copies it. */
export function CopyableCode({ text, copyLabel, className = "snippet" }: { text: string; copyLabel: string; className?: string }) {
  return (
    <div className={className}>
      <pre>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={copyLabel} />
    </div>
  );
}
