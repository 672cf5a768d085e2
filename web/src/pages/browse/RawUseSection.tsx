import { Link } from "react-router-dom";
import type { Repository } from "../../api/repositories";
import { CopyableCode } from "../../components/CopyableCode";
import { tokenPlaceholder } from "./goSetup";
import { rawDownloadSnippet, rawUploadSnippet } from "./rawSetup";

/** "Use it" (a raw repository's "Set up"): curl lines to download from, and (hosted) upload into, the directory shown. */
export function RawUseSection({ repository, dir, userName }: { repository: Repository; dir: string; userName: string | null }) {
  const uploads = repository.type === "hosted" && repository.hosted?.writePolicy !== "read-only";
  const credentials = uploads || !repository.anonymousRead;
  return (
    <section aria-labelledby="use-heading">
      <h2 id="use-heading">Use it</h2>
      <CopyableCode text={rawDownloadSnippet(repository, dir, userName)} copyLabel="Copy download command" />
      {uploads && <CopyableCode text={rawUploadSnippet(repository, dir, userName)} copyLabel="Copy upload command" />}
      {credentials && (
        <p className="muted">
          {userName ? (
            <>
              Replace <code>{tokenPlaceholder}</code> with an API token: create one on your <Link to="/account">account page</Link>.
            </>
          ) : (
            <>
              Replace the user name and <code>{tokenPlaceholder}</code> with yours: <Link to="/sign-in">sign in</Link>, then
              create an API token on your account page.
            </>
          )}
        </p>
      )}
    </section>
  );
}
