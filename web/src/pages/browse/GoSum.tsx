import { CopyableCode } from "../../components/CopyableCode";
import { goSumLines } from "./goSetup";

/** A version's go.sum lines and a button that copies them. */
export function GoSum({ module, version, zipHash, modHash }: { module: string; version: string; zipHash?: string | null; modHash?: string | null }) {
  const lines = goSumLines(module, version, zipHash, modHash);
  if (lines.length === 0) {
    return <span className="muted">not stored here</span>;
  }
  return <CopyableCode text={lines.join("\n") + "\n"} copyLabel="Copy go.sum lines" className="gosum" />;
}
