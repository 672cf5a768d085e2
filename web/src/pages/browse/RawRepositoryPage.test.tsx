import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import type { Me } from "../../api/session";
import { calledPaths, problem, sent, type Canned } from "../../test/fetchMock";
import { hosted, rawGroup, rawHosted, rawProxy } from "../../test/fixtures";
import { alice, goBack, renderApp } from "../../test/renderApp";

// The repository page of a raw repository: its files a directory at a time, upload, download, delete, "Use it".

/** May read everything, write and delete in raw-*. */
const carol: Me = { userName: "carol", roles: ["dev"], privileges: ["repository:*:read", "repository:raw-*:write", "repository:raw-*:delete"] };

const hash = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

function file(path: string, size: number, extra: Record<string, unknown> = {}) {
  return { name: path.split("/").pop()!, path, type: "file", size, sha256: hash, contentType: "application/gzip", createdAt: "2026-12-03T10:00:00Z", ...extra };
}

function directory(path: string) {
  return { name: path.replace(/\/$/, "").split("/").pop()!, path, type: "directory" };
}

const rootTree = { path: "", entries: [directory("dists/"), directory("docs/"), file("README.txt", 1536)] };
const distsTree = { path: "dists/", entries: [directory("dists/go/"), file("dists/index.json", 10)] };
const goTarball = "dists/go/go1.22.5.linux-amd64.tar.gz";
const goTree = { path: "dists/go/", entries: [file(goTarball, 68_157_440), file("dists/go/go1.22.5.linux-amd64.tar.gz.sha256", 64)] };

function rawAnswers(extra: Canned[] = []): Canned[] {
  return [
    ...extra,
    { path: "/repositories/raw-hosted", body: rawHosted },
    { path: "/repositories/raw-hosted/tree/", body: rootTree },
    { path: "/repositories/raw-hosted/tree/dists/", body: distsTree },
    { path: "/repositories/raw-hosted/tree/dists/go/", body: goTree },
  ];
}

const files = () => screen.getByRole("heading", { name: "Files" }).closest("section")!;
/** The "Files" section once the repository has loaded. */
const loadedFiles = async () => within((await screen.findByRole("heading", { name: "Files" })).closest("section")!);
const crumbs = () => screen.getByRole("navigation", { name: "Directory" });
const rowOf = (name: string) => within(files()).getByRole("rowheader", { name }).closest("tr")!;
const rowNames = () => within(files()).getAllByRole("rowheader").map((th) => th.textContent);
const uploadSection = () => screen.getByRole("heading", { name: "Upload" }).closest("section")!;

test("a raw repository shows its files instead of modules: directories first, size, short SHA-256, time; a file's name downloads it", async () => {
  const { fetch } = renderApp("/repositories/raw-hosted", rawAnswers());
  expect(await screen.findByRole("heading", { level: 1, name: "raw-hosted" })).toBeInTheDocument();
  expect(screen.getByText("4 files, 3.0 MiB")).toBeInTheDocument();
  expect(await (await loadedFiles()).findByRole("link", { name: "dists/" })).toHaveAttribute("href", "/repositories/raw-hosted?dir=dists%2F");
  expect(rowNames()).toEqual(["dists/", "docs/", "README.txt"]);

  const readme = within(rowOf("README.txt"));
  const size = readme.getByRole("cell", { name: "1.5 KiB" });
  expect(within(size).getByText("1.5 KiB")).toHaveAttribute("title", `${(1536).toLocaleString()} bytes`);
  const shortHash = readme.getByText("3a7bd3e2360a…");
  expect(shortHash).toHaveAttribute("title", hash);
  expect(readme.getByText(new Date("2026-12-03T10:00:00Z").toLocaleString())).toHaveAttribute("datetime", "2026-12-03T10:00:00Z");
  const download = readme.getByRole("link", { name: "README.txt" });
  expect(download).toHaveAttribute("href", "http://localhost:8081/repository/raw-hosted/README.txt");
  expect(download).toHaveAttribute("download", "README.txt");
  expect(download).toHaveAccessibleDescription("Download README.txt");
  // a directory's link leads into it; it has no size, hash or time
  expect(within(rowOf("dists/")).getAllByRole("link")).toHaveLength(1);
  expect(within(rowOf("dists/")).getByRole("cell", { name: "–" })).toBeInTheDocument();
  // alice may not delete here: no Delete, and no empty column for it
  expect(within(files()).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  expect(within(files()).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Name", "Size", "SHA-256", "Created"]);

  // Go's sections are not here, and the modules are never asked for
  expect(screen.queryByRole("heading", { name: "Modules" })).not.toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: "Set up" })).not.toBeInTheDocument();
  expect(calledPaths(fetch).filter((p) => p.includes("/modules"))).toEqual([]);
  expect(calledPaths(fetch, "GET", /\/tree\//)).toEqual(["/repositories/raw-hosted/tree/"]);
});

test("Copy SHA-256 copies the whole hash", async () => {
  vi.stubGlobal("isSecureContext", true);
  const user = userEvent.setup();
  renderApp("/repositories/raw-hosted", rawAnswers());
  await within(await screen.findByRole("table")).findByText("README.txt");
  await user.click(within(rowOf("README.txt")).getByRole("button", { name: "Copy SHA-256" }));
  expect(await navigator.clipboard.readText()).toBe(hash);
  expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();
  expect(document.querySelectorAll("[aria-live]")).toHaveLength(1);
});

test("directories are followed into, the URL holds the directory, the breadcrumb and Back lead out again", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/repositories/raw-hosted", rawAnswers());
  await user.click(await (await loadedFiles()).findByRole("link", { name: "dists/" }));
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/raw-hosted?dir=dists%2F");
  expect(await within(files()).findByRole("rowheader", { name: "index.json" })).toBeInTheDocument();
  expect(rowNames()).toEqual(["go/", "index.json"]);
  // the link that was followed is gone: the focus is on where we are now
  await waitFor(() => expect(within(crumbs()).getByText("dists")).toHaveFocus());
  expect(within(crumbs()).getByText("dists")).toHaveAttribute("aria-current", "page");
  expect(within(rowOf("index.json")).getByRole("link", { name: "index.json" })).toHaveAttribute(
    "href",
    "http://localhost:8081/repository/raw-hosted/dists/index.json",
  );

  await user.click(within(files()).getByRole("link", { name: "go/" }));
  expect(await within(files()).findByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/raw-hosted?dir=dists%2Fgo%2F");
  expect(crumbs()).toHaveTextContent("raw-hosted / dists / go");
  expect(within(crumbs()).getByRole("link", { name: "raw-hosted" })).toHaveAttribute("href", "/repositories/raw-hosted");
  expect(within(crumbs()).getByRole("link", { name: "dists" })).toHaveAttribute("href", "/repositories/raw-hosted?dir=dists%2F");
  expect(within(crumbs()).queryByRole("link", { name: "go" })).not.toBeInTheDocument();
  expect(within(rowOf("go1.22.5.linux-amd64.tar.gz")).getByRole("cell", { name: "65 MiB" })).toBeInTheDocument();
  // "Use it" follows the directory
  expect(screen.getByText(/curl -O/)).toHaveTextContent("curl -O http://localhost:8081/repository/raw-hosted/dists/go/FILE");

  await goBack();
  expect(await within(files()).findByRole("rowheader", { name: "index.json" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/raw-hosted?dir=dists%2F");

  await user.click(within(crumbs()).getByRole("link", { name: "raw-hosted" }));
  expect(await within(files()).findByRole("rowheader", { name: "README.txt" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent(/^\/repositories\/raw-hosted$/);
  expect(calledPaths(fetch, "GET", /\/tree\//)).toEqual([
    "/repositories/raw-hosted/tree/",
    "/repositories/raw-hosted/tree/dists/",
    "/repositories/raw-hosted/tree/dists/go/",
    "/repositories/raw-hosted/tree/dists/",
    "/repositories/raw-hosted/tree/",
  ]);
});

test("a linked directory opens directly, with or without its trailing slash", async () => {
  const { fetch } = renderApp("/repositories/raw-hosted?dir=dists/go", rawAnswers());
  expect(await (await loadedFiles()).findByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" })).toBeInTheDocument();
  expect(calledPaths(fetch, "GET", /\/tree\//)).toEqual(["/repositories/raw-hosted/tree/dists/go/"]);
});

test("the top of an empty repository says it holds no files", async () => {
  renderApp("/repositories/raw-hosted", [
    { path: "/repositories/raw-hosted", body: { ...rawHosted, fileCount: 0, storageBytes: 0 } },
    { path: "/repositories/raw-hosted/tree/", body: { path: "", entries: [] } },
  ]);
  expect(await (await loadedFiles()).findByText("This repository holds no files yet.")).toBeInTheDocument();
  expect(screen.getByText("0 files, 0 B")).toBeInTheDocument();
  expect(screen.queryByRole("table")).not.toBeInTheDocument();
  expect(within(files()).queryByRole("alert")).not.toBeInTheDocument();
});

test("a directory that does not exist shows the server's words and the way to the top", async () => {
  renderApp("/repositories/raw-hosted?dir=nope%2F", [
    { path: "/repositories/raw-hosted/tree/nope/", ...problem(404, "Directory not found", "Repository 'raw-hosted' has no directory 'nope/'.") },
    ...rawAnswers(),
  ]);
  expect(await (await loadedFiles()).findByRole("alert")).toHaveTextContent("Repository 'raw-hosted' has no directory 'nope/'.");
  expect(within(files()).getByRole("link", { name: "Go to the top directory" })).toHaveAttribute("href", "/repositories/raw-hosted");
  expect(screen.queryByRole("table")).not.toBeInTheDocument();
});

test("a directory path with '..' or an empty segment is never sent", async () => {
  const { fetch } = renderApp("/repositories/raw-hosted?dir=..%2F..%2Fsecurity%2Fusers", rawAnswers());
  expect(await (await loadedFiles()).findByRole("alert")).toHaveTextContent("“../../security/users” is not a directory path");
  expect(calledPaths(fetch).filter((p) => p.includes("tree") || p.includes("security"))).toEqual([]);
});

test("choosing a file uploads it at once into the current directory as bytes, says so and lists it", async () => {
  const user = userEvent.setup();
  const stored = { path: "dists/go/new file.txt", size: 2048, sha256: hash, contentType: "text/plain" };
  const { fetch } = renderApp(
    "/repositories/raw-hosted?dir=dists%2Fgo%2F",
    [
      { method: "POST", path: "/repositories/raw-hosted/upload?path=dists%2Fgo%2Fnew%20file.txt", status: 201, body: stored },
      { path: "/repositories/raw-hosted", times: 1, body: rawHosted },
      { path: "/repositories/raw-hosted", body: { ...rawHosted, fileCount: 5 } },
      { path: "/repositories/raw-hosted/tree/dists/go/", times: 1, body: goTree },
      { path: "/repositories/raw-hosted/tree/dists/go/", body: { ...goTree, entries: [...goTree.entries, file(stored.path, 2048)] } },
    ],
    carol,
  );
  await (await loadedFiles()).findByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" });
  expect(within(uploadSection()).getByText("dists/go/")).toBeInTheDocument();

  const upload = new File(["hello"], "new file.txt", { type: "text/plain" });
  const input = within(uploadSection()).getByLabelText("Files to upload");
  await user.upload(input, upload);

  await waitFor(() => expect(within(uploadSection()).getByRole("status")).toHaveTextContent("Stored dists/go/new file.txt (2.0 KiB)."));
  expect(within(uploadSection()).queryByRole("alert")).not.toBeInTheDocument();
  expect(await within(files()).findByRole("rowheader", { name: "new file.txt" })).toBeInTheDocument();
  expect(await screen.findByText("5 files, 3.0 MiB")).toBeInTheDocument();
  expect(input).toHaveFocus();
  const { body, headers } = sent(fetch, "POST", /\/upload\?/);
  expect(body).toBe(upload);
  expect(headers["Content-Type"]).toBe("application/octet-stream");
  expect(headers["X-XSRF-TOKEN"]).toBe("t0k3n");
  expect(headers["X-Requested-With"]).toBe("XMLHttpRequest");
});

/** Chooses a file in dists/go/ of raw-hosted (with `repository`'s settings), whose upload is answered with `answer`. */
async function uploadAnswered(answer: Omit<Canned, "path" | "method">, repository = rawHosted) {
  const user = userEvent.setup();
  renderApp(
    "/repositories/raw-hosted?dir=dists%2Fgo%2F",
    [{ method: "POST", path: /^\/repositories\/raw-hosted\/upload\?path=/, ...answer }, { path: "/repositories/raw-hosted", body: repository }, ...rawAnswers()],
    carol,
  );
  await screen.findByRole("heading", { name: "Upload" });
  await user.upload(within(uploadSection()).getByLabelText("Files to upload"), new File(["other bytes"], "go1.22.5.linux-amd64.tar.gz"));
  return within(uploadSection());
}

test("a refused upload shows the server's detail next to the drop zone, and nothing claims success", async () => {
  const section = await uploadAnswered(
    problem(409, "File exists", "dists/go/go1.22.5.linux-amd64.tar.gz already exists with other content; its write policy is allow-once."),
  );
  const alert = await section.findByRole("alert");
  expect(alert).toHaveTextContent("dists/go/go1.22.5.linux-amd64.tar.gz already exists with other content; its write policy is allow-once.");
  expect(section.getByRole("status")).toBeEmptyDOMElement();
  expect(screen.queryByText(/^Stored/)).not.toBeInTheDocument();
  expect(section.getByLabelText("Files to upload")).toHaveAccessibleDescription(/already exists with other content/);
});

test("a 200 says the bytes were already there (allow-once), or that the file was replaced (allow)", async () => {
  const answer = { status: 200, body: { path: goTarball, size: 68_157_440, sha256: hash } };
  const section = await uploadAnswered(answer);
  await waitFor(() => expect(section.getByRole("status")).toHaveTextContent(`${goTarball} was already stored with these bytes.`));
});

test("with the allow policy the upload says a stored file is replaced, and a 200 says it was", async () => {
  const answer = { status: 200, body: { path: goTarball, size: 11, sha256: hash } };
  const section = await uploadAnswered(answer, { ...rawHosted, hosted: { writePolicy: "allow" } });
  await waitFor(() => expect(section.getByRole("status")).toHaveTextContent(`Replaced ${goTarball} (11 B).`));
  expect(section.getByText(/A file already at that path is replaced\./)).toBeInTheDocument();
});

test("files dropped on the zone go into the typed subdirectory, one after the other; each refusal names its file", async () => {
  const { fetch } = renderApp(
    "/repositories/raw-hosted",
    [
      { method: "POST", path: "/repositories/raw-hosted/upload?path=releases%2F1.0%2Fa.bin", status: 201, body: { path: "releases/1.0/a.bin", size: 1, sha256: hash } },
      { method: "POST", path: "/repositories/raw-hosted/upload?path=releases%2F1.0%2Fb.bin", ...problem(413, "Too large", "The file is larger than the limit of 5 GiB.") },
      ...rawAnswers(),
    ],
    carol,
  );
  const zone = (await screen.findByText("Drop files here")).closest(".drop-zone")!;
  await userEvent.type(within(uploadSection()).getByRole("textbox", { name: "Subdirectory (optional)" }), "/releases/1.0/");
  expect(within(uploadSection()).getByText("releases/1.0/")).toBeInTheDocument();
  const dropped = [new File(["a"], "a.bin"), new File(["b"], "b.bin")];
  fireEvent.dragEnter(zone, { dataTransfer: { files: dropped, types: ["Files"] } });
  expect(zone).toHaveClass("dragging");
  fireEvent.drop(zone, { dataTransfer: { files: dropped, types: ["Files"] } });
  await waitFor(() => expect(within(uploadSection()).getByRole("status")).toHaveTextContent("Stored releases/1.0/a.bin (1 B)."));
  await waitFor(() => expect(within(uploadSection()).getByRole("alert")).toHaveTextContent("b.bin: The file is larger than the limit of 5 GiB."));
  expect(zone).not.toHaveClass("dragging");
  expect(calledPaths(fetch, "POST")).toEqual([
    "/repositories/raw-hosted/upload?path=releases%2F1.0%2Fa.bin",
    "/repositories/raw-hosted/upload?path=releases%2F1.0%2Fb.bin",
  ]);
});

test("paths with characters to encode reach the tree, the download links and the upload intact", async () => {
  const user = userEvent.setup();
  const dir = "my docs/";
  const name = "My Notes #1+@x%.md";
  const { fetch } = renderApp(
    `/repositories/raw-hosted?${new URLSearchParams({ dir })}`,
    [
      {
        path: "/repositories/raw-hosted/tree/my%20docs/",
        body: { path: dir, entries: [directory("my docs/sub #2/"), file(`${dir}${name}`, 5)] },
      },
      { path: "/repositories/raw-hosted/tree/my%20docs/sub%20%232/", body: { path: "my docs/sub #2/", entries: [file("my docs/sub #2/x y.txt", 1)] } },
      { method: "POST", path: "/repositories/raw-hosted/upload?path=my%20docs%2Fsub%20%232%2Fa%2Bb%20c.txt", status: 201, body: { path: "my docs/sub #2/a+b c.txt", size: 1, sha256: hash } },
      ...rawAnswers(),
    ],
    carol,
  );
  await (await loadedFiles()).findByRole("rowheader", { name });
  const link = within(rowOf(name)).getByRole("link", { name });
  expect(link).toHaveAttribute("href", "http://localhost:8081/repository/raw-hosted/my%20docs/My%20Notes%20%231%2B%40x%25.md");
  expect(screen.getByText(/curl -O/)).toHaveTextContent("curl -O http://localhost:8081/repository/raw-hosted/my%20docs/FILE");

  await user.click(within(files()).getByRole("link", { name: "sub #2/" }));
  expect(await within(files()).findByRole("rowheader", { name: "x y.txt" })).toBeInTheDocument();
  expect(within(rowOf("x y.txt")).getByRole("link", { name: "x y.txt" })).toHaveAttribute(
    "href",
    "http://localhost:8081/repository/raw-hosted/my%20docs/sub%20%232/x%20y.txt",
  );
  await user.upload(within(uploadSection()).getByLabelText("Files to upload"), new File(["1"], "a+b c.txt"));
  await waitFor(() => expect(within(uploadSection()).getByRole("status")).toHaveTextContent("Stored my docs/sub #2/a+b c.txt (1 B)."));
  expect(calledPaths(fetch, "GET", /\/tree\//)).toEqual(["/repositories/raw-hosted/tree/my%20docs/", "/repositories/raw-hosted/tree/my%20docs/sub%20%232/", "/repositories/raw-hosted/tree/my%20docs/sub%20%232/"]);
});

test("delete asks first, sends DELETE to the file's content URL with the antiforgery token, says so and lists the rest", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp(
    "/repositories/raw-hosted?dir=dists%2Fgo%2F",
    [
      { method: "DELETE", path: `/repository/raw-hosted/${goTarball}`, status: 204 },
      { path: "/repositories/raw-hosted/tree/dists/go/", times: 1, body: goTree },
      { path: "/repositories/raw-hosted/tree/dists/go/", body: { ...goTree, entries: goTree.entries.slice(1) } },
      ...rawAnswers(),
    ],
    carol,
  );
  const row = await (await loadedFiles()).findByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" }).then((th) => th.closest("tr")!);
  const remove = within(row).getByRole("button", { name: "Delete" });
  expect(remove).toHaveAccessibleDescription("go1.22.5.linux-amd64.tar.gz");
  await user.click(remove);
  const question = within(row).getByRole("group", { name: /Delete go1\.22\.5\.linux-amd64\.tar\.gz/ });
  expect(within(question).getByRole("button", { name: "Cancel" })).toHaveFocus();
  expect(calledPaths(fetch, "DELETE")).toEqual([]);
  await user.click(within(question).getByRole("button", { name: "Yes, delete" }));

  const notice = await within(files()).findByText(`Deleted ${goTarball}.`);
  expect(notice).toHaveAttribute("role", "status");
  expect(notice).toHaveFocus();
  await waitFor(() => expect(within(files()).queryByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" })).not.toBeInTheDocument());
  expect(within(files()).getByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz.sha256" })).toBeInTheDocument();
  const call = fetch.mock.calls.find(([, init]) => init?.method === "DELETE")!;
  expect(call[0]).toBe(`http://localhost:8081/repository/raw-hosted/${goTarball}`);
  expect((call[1]?.headers as Record<string, string>)["X-XSRF-TOKEN"]).toBe("t0k3n");
});

test("a refused delete says why next to the row's button", async () => {
  const user = userEvent.setup();
  renderApp(
    "/repositories/raw-hosted?dir=dists%2Fgo%2F",
    [{ method: "DELETE", path: `/repository/raw-hosted/${goTarball}`, ...problem(403, "Forbidden", "delete on raw-hosted is not granted to carol") }, ...rawAnswers()],
    carol,
  );
  const row = await (await loadedFiles()).findByRole("rowheader", { name: "go1.22.5.linux-amd64.tar.gz" }).then((th) => th.closest("tr")!);
  await user.click(within(row).getByRole("button", { name: "Delete" }));
  await user.click(within(row).getByRole("button", { name: "Yes, delete" }));
  expect(await within(row).findByRole("alert")).toHaveTextContent("You may not delete files in raw-hosted: delete on raw-hosted is not granted to carol");
  expect(within(row).getByRole("button", { name: "Delete" })).toHaveFocus();
});

test("deleting the last file of a directory moves up to the nearest directory that is left", async () => {
  const user = userEvent.setup();
  const only = "dists/go/only.txt";
  renderApp(
    "/repositories/raw-hosted?dir=dists%2Fgo%2F",
    [
      { method: "DELETE", path: `/repository/raw-hosted/${only}`, status: 204 },
      { path: "/repositories/raw-hosted/tree/dists/go/", times: 1, body: { path: "dists/go/", entries: [file(only, 3)] } },
      { path: "/repositories/raw-hosted/tree/dists/go/", ...problem(404, "Directory not found") },
      ...rawAnswers(),
    ],
    carol,
  );
  const row = await (await loadedFiles()).findByRole("rowheader", { name: "only.txt" }).then((th) => th.closest("tr")!);
  await user.click(within(row).getByRole("button", { name: "Delete" }));
  await user.click(within(row).getByRole("button", { name: "Yes, delete" }));
  await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/repositories/raw-hosted?dir=dists%2F"));
  expect(await within(files()).findByRole("rowheader", { name: "index.json" })).toBeInTheDocument();
  expect(screen.getByText(`Deleted ${only}.`)).toHaveFocus();
  expect(within(files()).queryByRole("alert")).not.toBeInTheDocument();
});

test("without write there is no upload, without delete no Delete; downloads stay", async () => {
  renderApp("/repositories/raw-hosted", rawAnswers(), alice);
  await (await loadedFiles()).findByRole("rowheader", { name: "README.txt" });
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
  expect(screen.queryByLabelText("Files to upload")).not.toBeInTheDocument();
  expect(within(files()).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  expect(within(rowOf("README.txt")).getByRole("link", { name: "README.txt" })).toHaveAttribute("download", "README.txt");
});

test("a read-only raw repository takes no uploads and offers no Delete", async () => {
  renderApp("/repositories/raw-hosted", [{ path: "/repositories/raw-hosted", body: { ...rawHosted, hosted: { writePolicy: "read-only" } } }, ...rawAnswers()], carol);
  expect(await screen.findByText("This repository is read-only: it accepts no uploads.")).toBeInTheDocument();
  await (await loadedFiles()).findByRole("rowheader", { name: "README.txt" });
  expect(within(files()).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Copy upload command" })).not.toBeInTheDocument();
});

test("'Use it' has curl lines to download and, for a hosted repository, to upload into the directory shown", async () => {
  vi.stubGlobal("isSecureContext", true);
  const user = userEvent.setup();
  renderApp("/repositories/raw-hosted?dir=dists%2Fgo%2F", rawAnswers(), carol);
  const use = (await screen.findByRole("heading", { name: "Use it" })).closest("section")!;
  const snippets = [...use.querySelectorAll("pre")].map((pre) => pre.textContent);
  expect(snippets).toEqual([
    `# Download a file of "raw-hosted" from dists/go/: replace FILE with its name\ncurl -O http://localhost:8081/repository/raw-hosted/dists/go/FILE\n`,
    `# Upload FILE into dists/go/ of "raw-hosted": replace YOUR_API_TOKEN with an API token\n` +
      `# A stored file never changes: other bytes at its path are refused (409)\n` +
      `curl -u carol:YOUR_API_TOKEN -T FILE http://localhost:8081/repository/raw-hosted/dists/go/FILE\n`,
  ]);
  await user.click(within(use).getByRole("button", { name: "Copy upload command" }));
  expect(await navigator.clipboard.readText()).toBe(snippets[1]);
  expect(within(use).getByRole("button", { name: "Copy download command" })).toBeInTheDocument();
  expect(within(use).getByRole("link", { name: "account page" })).toHaveAttribute("href", "/account");
});

test("a proxy's page has no upload line, no upload and no Delete (the server refuses writes to a proxy); a private one's download has credentials", async () => {
  renderApp(
    "/repositories/raw-proxy",
    [
      { path: "/repositories/raw-proxy", body: { ...rawProxy, anonymousRead: false } },
      { path: "/repositories/raw-proxy/tree/", body: { path: "", entries: [file("index.json", 10)] } },
    ],
    { ...carol, privileges: ["repository:*:read", "repository:raw-proxy:delete"] },
  );
  const use = (await screen.findByRole("heading", { name: "Use it" })).closest("section")!;
  expect(within(use).getByText(/curl/)).toHaveTextContent("curl -u carol:YOUR_API_TOKEN -O https://ah.example.com/repository/raw-proxy/FILE");
  expect(within(use).queryByRole("button", { name: "Copy upload command" })).not.toBeInTheDocument();
  expect(screen.getByText("https://dl.example.com/releases/")).toBeInTheDocument();
  expect(screen.getByText("7 files, 2.0 KiB")).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
  const row = await (await loadedFiles()).findByRole("rowheader", { name: "index.json" }).then((th) => th.closest("tr")!);
  expect(within(row).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
});

test("a group shows its members and the union of their files, without upload or Delete", async () => {
  renderApp(
    "/repositories/raw-group",
    [
      { path: "/repositories/raw-group", body: rawGroup },
      { path: "/repositories", body: [rawGroup, rawHosted, rawProxy] },
      { path: "/repositories/raw-group/tree/", body: { path: "", entries: [directory("dists/"), file("README.txt", 1536), file("index.json", 10)] } },
    ],
    carol,
  );
  const members = (await screen.findByRole("heading", { name: "Members" })).closest("section")!;
  expect(within(members).getAllByRole("link").map((l) => l.textContent)).toEqual(["raw-hosted", "raw-proxy"]);
  expect(members).toHaveTextContent("the first member that holds a file at a path answers for it.");
  expect(await (await loadedFiles()).findByRole("rowheader", { name: "index.json" })).toBeInTheDocument();
  expect(within(rowOf("index.json")).getByRole("link", { name: "index.json" })).toHaveAttribute("href", "https://ah.example.com/repository/raw-group/index.json");
  expect(within(files()).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
  expect(screen.queryByText(/ files?, /)).not.toBeInTheDocument(); // a group holds nothing itself
});

test("a Go repository's page is as it was: set-up, modules and upload, and no tree", async () => {
  const { fetch } = renderApp("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: hosted },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: { items: [], page: 1, pageSize: 25, total: 0 } },
  ]);
  expect(await screen.findByText("This repository holds no modules yet.")).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Set up" })).toBeInTheDocument();
  expect(screen.getByLabelText("Module zip")).toBeInTheDocument();
  expect(screen.getByText("3 modules, 5 versions, 1.5 KiB")).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: "Files" })).not.toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: "Use it" })).not.toBeInTheDocument();
  expect(calledPaths(fetch).filter((p) => p.includes("/tree"))).toEqual([]);
});

test("a large directory is shown a page at a time, with a filter", async () => {
  const user = userEvent.setup();
  const many = Array.from({ length: 150 }, (_, i) => file(`big/f${String(i).padStart(3, "0")}.bin`, i));
  renderApp("/repositories/raw-hosted?dir=big%2F", [{ path: "/repositories/raw-hosted/tree/big/", body: { path: "big/", entries: many } }, ...rawAnswers()]);
  expect(await (await loadedFiles()).findByRole("rowheader", { name: "f000.bin" })).toBeInTheDocument();
  expect(within(files()).getAllByRole("rowheader")).toHaveLength(100);
  const pager = within(files()).getByRole("navigation", { name: "File pages" });
  expect(within(pager).getByText("Page 1 of 2 (150)")).toBeInTheDocument();
  await user.click(within(pager).getByRole("button", { name: "Next" }));
  expect(within(files()).getAllByRole("rowheader")).toHaveLength(50);
  expect(within(files()).getByRole("rowheader", { name: "f149.bin" })).toBeInTheDocument();

  await user.type(within(files()).getByRole("searchbox", { name: "Filter this directory" }), "f12");
  expect(within(files()).getAllByRole("rowheader").map((th) => th.textContent)).toEqual(
    Array.from({ length: 10 }, (_, i) => `f12${i}.bin`),
  );
  expect(within(files()).queryByRole("navigation", { name: "File pages" })).not.toBeInTheDocument();
  await user.type(within(files()).getByRole("searchbox", { name: "Filter this directory" }), "x");
  expect(within(files()).getByText("No entry matches “f12x”.")).toBeInTheDocument();
});
