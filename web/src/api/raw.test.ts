import { expect, test } from "vitest";
import { contentUrl, directoryCrumbs, normalizeDirectory, parentDirectory } from "./raw";

test("a directory from the page's URL gets one trailing slash and no leading one; the top is empty", () => {
  expect(normalizeDirectory("")).toBe("");
  expect(normalizeDirectory("/")).toBe("");
  expect(normalizeDirectory("dists/go")).toBe("dists/go/");
  expect(normalizeDirectory("/dists/go//")).toBe("dists/go/");
  expect(normalizeDirectory("my docs/sub #2/")).toBe("my docs/sub #2/");
});

test("a directory the server could not hold is refused before it reaches a URL", () => {
  for (const bad of ["a//b", "../x", "a/./b", "a/..", "a\\b", "a/\u0001b", "a/b\u007f"]) {
    expect(normalizeDirectory(bad)).toBeNull();
  }
  // dots inside a name are fine
  expect(normalizeDirectory("v1.2..3/.config")).toBe("v1.2..3/.config/");
});

test("breadcrumbs and parents of a path", () => {
  expect(directoryCrumbs("")).toEqual([]);
  expect(directoryCrumbs("dists/go/")).toEqual([
    { name: "dists", path: "dists/" },
    { name: "go", path: "dists/go/" },
  ]);
  expect(parentDirectory("dists/go/")).toBe("dists/");
  expect(parentDirectory("dists/go/file.tar.gz")).toBe("dists/go/");
  expect(parentDirectory("dists/")).toBe("");
  expect(parentDirectory("file")).toBe("");
});

test("a file's content URL is the repository's URL and its path, each segment encoded", () => {
  expect(contentUrl({ url: "https://ah.example.com/repository/raw/" }, "my docs/a#1+b%.txt")).toBe(
    "https://ah.example.com/repository/raw/my%20docs/a%231%2Bb%25.txt",
  );
  expect(contentUrl({ url: "https://ah.example.com/repository/raw/" }, "dists/go/")).toBe("https://ah.example.com/repository/raw/dists/go/");
});
