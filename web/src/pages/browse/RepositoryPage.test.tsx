import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { Canned } from "../../test/fetchMock";
import { alice, calledPaths, group, hosted, proxy, renderAt } from "./testing";

afterEach(() => vi.unstubAllGlobals());

const modulesPage = (items: string[], page = 1, total = items.length) => ({
  items: items.map((module) => ({ module, versions: 2, latest: "v1.1.0", updatedAt: "2026-01-02T03:04:05Z", downloads: 7 })),
  page,
  pageSize: 25,
  total,
});

function hostedAnswers(extra: Canned[] = []): Canned[] {
  return [
    ...extra,
    { path: "/repositories/go-hosted", body: hosted },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: modulesPage(["example.com/hello", "example.com/lib/v2", "github.com/acme/tool"]) },
  ];
}

const uploadSection = () => screen.getByRole("heading", { name: "Upload" }).closest("section")!;

test("the set-up snippet points GOPROXY at the repository, keeps its modules out of the checksum database and has a .netrc line", async () => {
  renderAt("/repositories/go-hosted", hostedAnswers());
  expect(await screen.findByRole("heading", { level: 1, name: "go-hosted" })).toBeInTheDocument();
  const setup = screen.getByRole("heading", { name: "Set up" }).closest("section")!;
  const code = within(setup).getByText(/export GOPROXY/);
  await waitFor(() => expect(code).toHaveTextContent("export GONOSUMDB=example.com,github.com/acme"));
  expect(code.textContent).toContain("export GOPROXY=http://localhost:8081/repository/go-hosted\n");
  expect(code.textContent).toContain("machine localhost login alice password YOUR_API_TOKEN");
  expect(code.textContent).not.toContain(",direct");
  expect(within(setup).getByRole("button", { name: "Copy set-up" })).toBeInTheDocument();
  expect(within(setup).getByRole("link", { name: "account page" })).toHaveAttribute("href", "/account");
  // plain http: the go command would not send the .netrc credentials
  expect(within(setup).getByText(/only over HTTPS/)).toBeInTheDocument();
  expect(screen.getByText("3 modules, 5 versions, 1.5 KiB")).toBeInTheDocument();
});

test("a group shows its members, and its GONOSUMDB covers only its hosted members' modules", async () => {
  renderAt("/repositories/go-group", [
    { path: "/repositories/go-group", body: group },
    { path: "/repositories", body: [group, hosted, proxy] },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: modulesPage(["corp.example/team/a"]) },
    { path: /^\/repositories\/go-proxy\/modules\?/, body: modulesPage(["golang.org/x/mod"]) },
    { path: /^\/repositories\/go-group\/modules\?/, body: modulesPage(["corp.example/team/a", "golang.org/x/mod"]) },
  ]);
  const members = (await screen.findByRole("heading", { name: "Members" })).closest("section")!;
  const items = within(members).getAllByRole("listitem");
  expect(items.map((i) => within(i).getByRole("link").textContent)).toEqual(["go-hosted", "go-proxy"]);
  const code = screen.getByText(/export GOPROXY/);
  await waitFor(() => expect(code).toHaveTextContent("export GONOSUMDB=corp.example"));
  expect(code.textContent).toContain("export GOPROXY=https://ah.example.com/repository/go-group\n");
  expect(code.textContent).not.toContain("golang.org");
  // the group's module list answers from its members
  expect(await screen.findByRole("link", { name: "golang.org/x/mod" })).toHaveAttribute(
    "href",
    "/repositories/go-group/modules/golang.org/x/mod",
  );
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
});

test("a proxy's snippet has no GONOSUMDB, and a signed-out visitor gets placeholders", async () => {
  renderAt(
    "/repositories/go-proxy",
    [
      { path: "/repositories/go-proxy", body: proxy },
      { path: /^\/repositories\/go-proxy\/modules\?/, body: modulesPage([]) },
    ],
    null,
  );
  const code = await screen.findByText(/export GOPROXY/);
  expect(code.textContent).not.toContain("GONOSUMDB");
  expect(code.textContent).toContain("machine ah.example.com login YOUR_USER_NAME password YOUR_API_TOKEN");
  expect(await screen.findByText("This repository holds no modules yet.")).toBeInTheDocument();
  expect(screen.queryByText(/only over HTTPS/)).not.toBeInTheDocument();
});

test("a hosted repository without known modules gets a GONOSUMDB placeholder to edit", async () => {
  renderAt("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: { ...hosted, moduleCount: 0 } },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: modulesPage([]) },
  ]);
  const code = await screen.findByText(/export GOPROXY/);
  expect(code.textContent).toContain("export GONOSUMDB=example.com/your-team");
  expect(code.textContent).toContain("edit to your modules' path prefixes");
});

test("the module list links each module and its latest version", async () => {
  renderAt("/repositories/go-hosted", hostedAnswers());
  const link = await screen.findByRole("link", { name: "example.com/lib/v2" });
  expect(link).toHaveAttribute("href", "/repositories/go-hosted/modules/example.com/lib/v2");
  const row = within(link.closest("tr")!);
  expect(row.getByRole("link", { name: "v1.1.0" })).toHaveAttribute("href", "/repositories/go-hosted/modules/example.com/lib/v2@v1.1.0");
  expect(row.getByRole("cell", { name: "7" })).toBeInTheDocument();
  expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
});

test("searching calls the API with the text and page 1", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: hosted },
    { path: /modules\?search=hel&page=1&/, body: modulesPage(["example.com/hello"], 1, 1) },
    { path: /modules\?page=2&/, body: modulesPage(["example.com/z26"], 2, 30) },
    { path: /modules\?page=1&/, body: modulesPage(["example.com/a1", "example.com/a2"], 1, 30) },
  ]);
  await screen.findByRole("link", { name: "example.com/a1" });
  // go to page 2 first: a new search must start again at page 1
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("link", { name: "example.com/z26" });

  await user.type(screen.getByRole("searchbox", { name: "Search modules" }), "hel");
  expect(await screen.findByRole("link", { name: "example.com/hello" })).toBeInTheDocument();
  const searches = calledPaths(fetch).filter((p) => p.includes("search="));
  // debounced: one request for the whole word, not one per key
  expect(searches).toEqual(["/repositories/go-hosted/modules?search=hel&page=1&pageSize=25"]);
  expect(screen.queryByRole("link", { name: "example.com/z26" })).not.toBeInTheDocument();
  expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
});

test("a search without results says so", async () => {
  const user = userEvent.setup();
  renderAt("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: hosted },
    { path: /modules\?search=nothing/, body: modulesPage([], 1, 0) },
    { path: /modules\?page=1&/, body: modulesPage(["example.com/a1"], 1, 1) },
  ]);
  await screen.findByRole("link", { name: "example.com/a1" });
  await user.type(screen.getByRole("searchbox", { name: "Search modules" }), "nothing");
  expect(await screen.findByText("No module matches “nothing”.")).toBeInTheDocument();
});

test("the pager moves through the pages of modules", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: hosted },
    { path: /modules\?page=3&/, body: modulesPage(["example.com/m51"], 3, 51) },
    { path: /modules\?page=2&/, body: modulesPage(["example.com/m26"], 2, 51) },
    { path: /modules\?page=1&/, body: modulesPage(["example.com/m01"], 1, 51) },
  ]);
  await screen.findByRole("link", { name: "example.com/m01" });
  const pager = screen.getByRole("navigation", { name: "Pages" });
  expect(within(pager).getByText("Page 1 of 3 (51)")).toBeInTheDocument();
  expect(within(pager).getByRole("button", { name: "Previous" })).toBeDisabled();
  await user.click(within(pager).getByRole("button", { name: "Next" }));
  expect(await screen.findByRole("link", { name: "example.com/m26" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Next" }));
  expect(await screen.findByRole("link", { name: "example.com/m51" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "Previous" }));
  expect(await screen.findByRole("link", { name: "example.com/m26" })).toBeInTheDocument();
  expect(calledPaths(fetch).filter((p) => p.includes("/modules?"))).toContain("/repositories/go-hosted/modules?page=3&pageSize=25");
});

test("choosing a zip uploads it at once as the raw body and says what was published; the list is loaded again", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt(
    "/repositories/go-hosted",
    hostedAnswers([
      {
        method: "POST",
        path: "/repositories/go-hosted/upload",
        status: 201,
        body: { module: "example.com/hello", version: "v1.2.0", zipHash: "h1:abc=", modHash: "h1:def=", size: 321 },
      },
    ]),
  );
  await screen.findByRole("link", { name: "example.com/hello" });
  const listLoads = () => calledPaths(fetch).filter((p) => p.startsWith("/repositories/go-hosted/modules?search") || /modules\?page=1&pageSize=25$/.test(p)).length;
  const before = listLoads();

  const zip = new File(["PK\u0003\u0004 zip bytes"], "hello.zip", { type: "application/zip" });
  await user.upload(within(uploadSection()).getByLabelText("Module zip"), zip);

  expect(await within(uploadSection()).findByRole("status")).toHaveTextContent("Published example.com/hello@v1.2.0.");
  expect(within(uploadSection()).queryByRole("alert")).not.toBeInTheDocument();
  const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect(String(post[0])).toBe("/api/v1/repositories/go-hosted/upload");
  expect(post[1]?.body).toBe(zip);
  expect((post[1]?.headers as Record<string, string>)["Content-Type"]).toBe("application/zip");
  expect((post[1]?.headers as Record<string, string>)["X-XSRF-TOKEN"]).toBe("t0k3n");
  // the server answers the UI's 401s without a Basic challenge (no browser sign-in dialog) when it sees this
  expect((post[1]?.headers as Record<string, string>)["X-Requested-With"]).toBe("XMLHttpRequest");
  await waitFor(() => expect(listLoads()).toBeGreaterThan(before));
});

test("a refused upload shows the server's detail next to the drop zone, and nothing claims success", async () => {
  const user = userEvent.setup();
  renderAt(
    "/repositories/go-hosted",
    hostedAnswers([
      {
        method: "POST",
        path: "/repositories/go-hosted/upload",
        status: 400,
        contentType: "application/problem+json",
        body: { title: "Invalid module zip", detail: "the zip's entries do not share one {module}@{version}/ prefix" },
      },
    ]),
  );
  await screen.findByRole("heading", { name: "Upload" });
  await user.upload(within(uploadSection()).getByLabelText("Module zip"), new File(["not a zip"], "x.zip"));

  const alert = await within(uploadSection()).findByRole("alert");
  expect(alert).toHaveTextContent("the zip's entries do not share one {module}@{version}/ prefix");
  expect(within(uploadSection()).getByRole("status")).toBeEmptyDOMElement();
  expect(screen.queryByText(/Published/)).not.toBeInTheDocument();
  expect(within(uploadSection()).getByLabelText("Module zip")).toHaveAccessibleDescription(/do not share one/);
});

test("a conflict answered as plain text is shown as the server wrote it", async () => {
  const user = userEvent.setup();
  renderAt(
    "/repositories/go-hosted",
    hostedAnswers([
      {
        method: "POST",
        path: "/repositories/go-hosted/upload",
        status: 409,
        body: "example.com/hello@v1.0.0 already exists with different content; versions are immutable, publish a new version",
      },
    ]),
  );
  await screen.findByRole("heading", { name: "Upload" });
  await user.upload(within(uploadSection()).getByLabelText("Module zip"), new File(["zip"], "x.zip"));
  expect(await within(uploadSection()).findByRole("alert")).toHaveTextContent(
    "example.com/hello@v1.0.0 already exists with different content; versions are immutable, publish a new version",
  );
});

test("a zip dropped on the drop zone is uploaded", async () => {
  const { fetch } = renderAt(
    "/repositories/go-hosted",
    hostedAnswers([{ method: "POST", path: "/repositories/go-hosted/upload", status: 201, body: { module: "example.com/drop", version: "v0.1.0" } }]),
  );
  const zone = (await screen.findByText("Drop a module zip here")).closest(".drop-zone")!;
  const zip = new File(["zip"], "drop.zip", { type: "" });
  fireEvent.dragEnter(zone, { dataTransfer: { files: [zip], types: ["Files"] } });
  expect(zone).toHaveClass("dragging");
  fireEvent.drop(zone, { dataTransfer: { files: [zip], types: ["Files"] } });
  expect(await within(uploadSection()).findByRole("status")).toHaveTextContent("Published example.com/drop@v0.1.0.");
  const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect((post[1]?.headers as Record<string, string>)["Content-Type"]).toBe("application/octet-stream");
  expect(zone).not.toHaveClass("dragging");
});

test("no upload without write on the repository, nor on a read-only one", async () => {
  renderAt("/repositories/go-hosted", hostedAnswers(), { ...alice, privileges: ["repository:*:read", "repository:other:write"] });
  await screen.findByRole("link", { name: "example.com/hello" });
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
  expect(screen.queryByLabelText("Module zip")).not.toBeInTheDocument();
});

test("a read-only hosted repository says it takes no uploads", async () => {
  renderAt("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: { ...hosted, hosted: { writePolicy: "read-only" } } },
    { path: /modules\?/, body: modulesPage([]) },
  ]);
  expect(await screen.findByText("This repository is read-only: it accepts no uploads.")).toBeInTheDocument();
  expect(screen.queryByLabelText("Module zip")).not.toBeInTheDocument();
});

test("an unknown repository says so", async () => {
  renderAt("/repositories/nope", [
    { path: "/repositories/nope", status: 404, contentType: "application/problem+json", body: { title: "Repository not found" } },
  ]);
  expect(await screen.findByRole("alert")).toHaveTextContent("There is no repository “nope”.");
});
