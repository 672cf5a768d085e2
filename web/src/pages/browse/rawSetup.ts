import { contentUrl } from "../../api/raw";
import type { Repository } from "../../api/repositories";
import { tokenPlaceholder, userPlaceholder } from "./goSetup";

// What a developer pastes into a shell to use a raw repository with curl: download from, and upload into, the directory
// the page shows.

export const filePlaceholder = "FILE";

/** "dists/go/" or, for the top, "the top directory", as the snippets and the upload say where files go. */
export const directoryLabel = (dir: string) => (dir ? dir : "the top directory");

/**
 * curl -O of a file of the directory (FILE stands for its name). A repository that anonymous callers may not read
 * needs credentials: the signed-in user's name and a placeholder for an API token (created on the account page).
 */
export function rawDownloadSnippet(repository: Repository, dir: string, userName: string | null): string {
  const lines = [`# Download a file of "${repository.name}" from ${directoryLabel(dir)}: replace ${filePlaceholder} with its name`];
  const url = shellWord(contentUrl(repository, dir) + filePlaceholder);
  if (repository.anonymousRead) {
    lines.push(`curl -O ${url}`);
  } else {
    lines.push(`# Signed-in users only: replace ${tokenPlaceholder} with an API token`);
    lines.push(`curl -u ${credentials(userName)} -O ${url}`);
  }
  return lines.join("\n") + "\n";
}

/** curl -T (a PUT to the content URL) of a local FILE into the directory, with the write policy's consequence. */
export function rawUploadSnippet(repository: Repository, dir: string, userName: string | null): string {
  const lines = [`# Upload ${filePlaceholder} into ${directoryLabel(dir)} of "${repository.name}": replace ${tokenPlaceholder} with an API token`];
  if (repository.hosted?.writePolicy === "allow") {
    lines.push("# A file already at that path is replaced");
  } else {
    lines.push("# A stored file never changes: other bytes at its path are refused (409)");
  }
  lines.push(`curl -u ${credentials(userName)} -T ${filePlaceholder} ${shellWord(contentUrl(repository, dir) + filePlaceholder)}`);
  return lines.join("\n") + "\n";
}

const credentials = (userName: string | null) => shellWord(`${userName || userPlaceholder}:${tokenPlaceholder}`);

/** A word as a POSIX shell reads it back: as it is when nothing in it is special, else in single quotes. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9%._~:/@+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
