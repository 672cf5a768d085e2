import { expect, test } from "vitest";
import { rawHosted, rawProxy } from "../../test/fixtures";
import { rawDownloadSnippet, rawUploadSnippet, shellWord } from "./rawSetup";

test("the download line is curl -O of the directory's URL, with credentials only where anonymous users may not read", () => {
  expect(rawDownloadSnippet(rawHosted, "", "alice")).toBe(
    `# Download a file of "raw-hosted" from the top directory: replace FILE with its name\n` +
      "curl -O http://localhost:8081/repository/raw-hosted/FILE\n",
  );
  expect(rawDownloadSnippet({ ...rawProxy, anonymousRead: false }, "dists/", null)).toBe(
    `# Download a file of "raw-proxy" from dists/: replace FILE with its name\n` +
      "# Signed-in users only: replace YOUR_API_TOKEN with an API token\n" +
      "curl -u YOUR_USER_NAME:YOUR_API_TOKEN -O https://ah.example.com/repository/raw-proxy/dists/FILE\n",
  );
});

test("the upload line is curl -T with the user's name, and says what the write policy does", () => {
  expect(rawUploadSnippet({ ...rawHosted, hosted: { writePolicy: "allow" } }, "a b/", "bob")).toBe(
    `# Upload FILE into a b/ of "raw-hosted": replace YOUR_API_TOKEN with an API token\n` +
      "# A file already at that path is replaced\n" +
      "curl -u bob:YOUR_API_TOKEN -T FILE http://localhost:8081/repository/raw-hosted/a%20b/FILE\n",
  );
});

test("a word the shell would read otherwise is quoted", () => {
  expect(shellWord("http://h/repository/r/a%20b/FILE")).toBe("http://h/repository/r/a%20b/FILE");
  expect(shellWord("http://h/repository/r/it's(1)/FILE")).toBe(`'http://h/repository/r/it'\\''s(1)/FILE'`);
  expect(shellWord("me@corp:YOUR_API_TOKEN")).toBe("me@corp:YOUR_API_TOKEN");
  expect(shellWord("a b")).toBe("'a b'");
});
