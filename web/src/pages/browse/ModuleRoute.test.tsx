import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import { calledPaths, problem } from "../../test/fetchMock";
import { renderApp } from "../../test/renderApp";

const detail = {
  module: "example.com/hello",
  versions: [
    { version: "v1.1.0", time: "2026-02-01T00:00:00Z", size: 2048, zipHash: "h1:zip110=", modHash: "h1:mod110=", downloads: 4 },
    { version: "v1.0.0", time: "2026-01-01T00:00:00Z", size: 1024, zipHash: "h1:zip100=", modHash: "h1:mod100=", downloads: 0 },
  ],
};

const version = {
  module: "example.com/hello",
  version: "v1.0.0",
  time: "2026-01-01T00:00:00Z",
  size: 1024,
  zipHash: "h1:zip100=",
  modHash: "h1:mod100=",
  downloads: 3,
  goMod: "module example.com/hello\n\ngo 1.21\n",
  cached: true,
  files: [
    { path: "LICENSE", size: 10 },
    { path: "README.md", size: 20 },
    { path: "cmd/hello/main.go", size: 30 },
    { path: "logo.png", size: 40 },
  ],
  readme: "README.md",
};

const versionAnswers = [
  { path: "/repositories/go-hosted/versions/example.com/hello@v1.0.0", body: version },
  { path: "/repositories/go-hosted/files/example.com/hello@v1.0.0/README.md", body: "# Hello\n\nSays hello.\n" },
  { path: "/repositories/go-hosted/files/example.com/hello@v1.0.0/cmd/hello/main.go", body: "package main\n" },
  {
    path: "/repositories/go-hosted/files/example.com/hello@v1.0.0/logo.png",
    ...problem(415, "Binary file", "'logo.png' is not UTF-8 text, so it is not shown."),
  },
];

test("the module page lists its versions with time, size, downloads and go.sum lines", async () => {
  renderApp("/repositories/go-hosted/modules/example.com/hello", [{ path: "/repositories/go-hosted/modules/example.com/hello", body: detail }]);
  expect(await screen.findByRole("heading", { level: 1, name: "example.com/hello" })).toBeInTheDocument();
  const link = await screen.findByRole("link", { name: "v1.1.0" });
  expect(link).toHaveAttribute("href", "/repositories/go-hosted/modules/example.com/hello@v1.1.0");
  const row = within(link.closest("tr")!);
  expect(row.getByRole("cell", { name: "2.0 KiB" })).toBeInTheDocument();
  expect(row.getByRole("cell", { name: "4" })).toBeInTheDocument();
  expect(row.getByText(/example\.com\/hello v1\.1\.0 h1:zip110=/).textContent).toBe(
    "example.com/hello v1.1.0 h1:zip110=\nexample.com/hello v1.1.0/go.mod h1:mod110=\n",
  );
  expect(row.getByRole("button", { name: "Copy go.sum lines" })).toBeInTheDocument();
  expect(screen.getAllByRole("button", { name: "Copy go.sum lines" })).toHaveLength(2);
  expect(screen.getByText("2 versions, 4 downloads in all.")).toBeInTheDocument();
  expect(screen.getByRole("navigation", { name: "Breadcrumb" })).toHaveTextContent("Repositories › go-hosted");
});

test("an unknown module shows the server's words", async () => {
  renderApp("/repositories/go-hosted/modules/example.com/nope", [
    {
      path: "/repositories/go-hosted/modules/example.com/nope",
      ...problem(404, "Module not found", "Repository 'go-hosted' has no module 'example.com/nope'."),
    },
  ]);
  expect(await screen.findByRole("alert")).toHaveTextContent("Repository 'go-hosted' has no module 'example.com/nope'.");
});

test("the version page shows go get, go.sum, go.mod, the files and the README by default", async () => {
  vi.stubGlobal("isSecureContext", true);
  const user = userEvent.setup();
  renderApp("/repositories/go-hosted/modules/example.com/hello@v1.0.0", versionAnswers);
  expect(await screen.findByRole("heading", { level: 1, name: "example.com/hello@v1.0.0" })).toBeInTheDocument();
  expect(await screen.findByText("go get example.com/hello@v1.0.0")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Copy go get" }));
  expect(await navigator.clipboard.readText()).toBe("go get example.com/hello@v1.0.0");

  const goMod = screen.getByRole("heading", { name: "go.mod" }).closest("section")!;
  expect(goMod.querySelector("pre")!.textContent).toBe("module example.com/hello\n\ngo 1.21\n");
  expect(screen.getByRole("button", { name: "Copy go.sum lines" })).toBeInTheDocument();
  expect(screen.getByText(/example\.com\/hello v1\.0\.0\/go\.mod h1:mod100=/)).toBeInTheDocument();

  const files = screen.getByRole("navigation", { name: "Files" });
  expect(within(files).getAllByRole("link").map((l) => l.textContent)).toEqual(["LICENSE", "README.md", "cmd/hello/main.go", "logo.png"]);
  expect(within(files).getByRole("link", { name: "README.md" })).toHaveAttribute("aria-current", "true");
  const viewer = screen.getByRole("region", { name: "File viewer" });
  expect(await within(viewer).findByText(/Says hello\./)).toBeInTheDocument();
  expect(viewer.querySelector("pre")!.textContent).toBe("# Hello\n\nSays hello.\n");
});

test("choosing a file shows it in the viewer, and a binary file shows the server's message there", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/repositories/go-hosted/modules/example.com/hello@v1.0.0", versionAnswers);
  const files = await screen.findByRole("navigation", { name: "Files" });
  await user.click(within(files).getByRole("link", { name: "cmd/hello/main.go" }));
  const viewer = screen.getByRole("region", { name: "File viewer" });
  expect(await within(viewer).findByText("package main")).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/go-hosted/modules/example.com/hello@v1.0.0?file=cmd%2Fhello%2Fmain.go");
  expect(calledPaths(fetch)).toContain("/repositories/go-hosted/files/example.com/hello@v1.0.0/cmd/hello/main.go");

  await user.click(within(files).getByRole("link", { name: "logo.png" }));
  expect(await within(viewer).findByText("'logo.png' is not UTF-8 text, so it is not shown.")).toBeInTheDocument();
  expect(viewer.querySelector("pre")).toBeNull();
});

test("?file= selects the file shown", async () => {
  renderApp("/repositories/go-hosted/modules/example.com/hello@v1.0.0?file=cmd/hello/main.go", versionAnswers);
  const viewer = await screen.findByRole("region", { name: "File viewer" });
  expect(await within(viewer).findByText("package main")).toBeInTheDocument();
  expect(within(viewer).getByRole("heading", { name: "cmd/hello/main.go" })).toBeInTheDocument();
});

test("a version whose zip is not stored says so instead of listing files", async () => {
  renderApp("/repositories/go-proxy/modules/golang.org/x/mod@v0.7.0", [
    {
      path: "/repositories/go-proxy/versions/golang.org/x/mod@v0.7.0",
      body: { ...version, module: "golang.org/x/mod", version: "v0.7.0", cached: false, files: null, readme: null, zipHash: null, goMod: null },
    },
  ]);
  expect(await screen.findByText(/The zip of this version is not stored here/)).toBeInTheDocument();
  expect(screen.getByText("The go.mod of this version is not stored here.")).toBeInTheDocument();
  expect(screen.queryByRole("navigation", { name: "Files" })).not.toBeInTheDocument();
});

test("module paths, versions and file paths with characters to encode reach the API and the links intact", async () => {
  const user = userEvent.setup();
  const module = "example.com/Big~Co/Tool";
  const file = "docs/My Notes #1+@x%.md";
  const { fetch } = renderApp("/repositories/go-hosted/modules/example.com/Big~Co/Tool", [
    {
      path: "/repositories/go-hosted/modules/example.com/Big~Co/Tool",
      body: { module, versions: [{ version: "v2.0.0+incompatible", time: "2026-01-01T00:00:00Z", size: 1, zipHash: "h1:z=", modHash: "h1:m=", downloads: 0 }] },
    },
    {
      path: "/repositories/go-hosted/versions/example.com/Big~Co/Tool@v2.0.0%2Bincompatible",
      body: { ...version, module, version: "v2.0.0+incompatible", files: [{ path: file, size: 5 }], readme: null },
    },
    // each segment encoded: a raw '#' would cut the URL short, a raw '%' or '+' would be read as something else
    { path: "/repositories/go-hosted/files/example.com/Big~Co/Tool@v2.0.0%2Bincompatible/docs/My%20Notes%20%231%2B%40x%25.md", body: "notes\n" },
  ]);
  await user.click(await screen.findByRole("link", { name: "v2.0.0+incompatible" }));
  expect(await screen.findByRole("heading", { level: 1, name: "example.com/Big~Co/Tool@v2.0.0+incompatible" })).toBeInTheDocument();
  expect(await screen.findByText("go get example.com/Big~Co/Tool@v2.0.0+incompatible")).toBeInTheDocument();
  const viewer = screen.getByRole("region", { name: "File viewer" });
  expect(within(viewer).getByText("This version has no README: choose a file.")).toBeInTheDocument();

  await user.click(within(screen.getByRole("navigation", { name: "Files" })).getByRole("link", { name: file }));
  expect(await within(viewer).findByText("notes")).toBeInTheDocument();
  expect(within(viewer).getByRole("heading", { name: file })).toBeInTheDocument();
  expect(calledPaths(fetch, "GET", /\/files\//)).toHaveLength(1);
});
