import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { calledPaths, problem, sent, type Canned } from "../../test/fetchMock";
import { group, hosted, proxy } from "../../test/fixtures";
import { alice, renderApp } from "../../test/renderApp";

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
  renderApp("/repositories/go-hosted", hostedAnswers());
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
  renderApp("/repositories/go-group", [
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
  renderApp(
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
  renderApp("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: { ...hosted, moduleCount: 0 } },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: modulesPage([]) },
  ]);
  const code = await screen.findByText(/export GOPROXY/);
  expect(code.textContent).toContain("export GONOSUMDB=example.com/your-team");
  expect(code.textContent).toContain("edit to your modules' path prefixes");
});

test("the module list links each module and its latest version", async () => {
  renderApp("/repositories/go-hosted", hostedAnswers());
  const link = await screen.findByRole("link", { name: "example.com/lib/v2" });
  expect(link).toHaveAttribute("href", "/repositories/go-hosted/modules/example.com/lib/v2");
  const row = within(link.closest("tr")!);
  expect(row.getByRole("link", { name: "v1.1.0" })).toHaveAttribute("href", "/repositories/go-hosted/modules/example.com/lib/v2@v1.1.0");
  expect(row.getByRole("cell", { name: "7" })).toBeInTheDocument();
  expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
});

test("a search starts again at page 1, goes out once typing pauses, and shows only what matches", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/repositories/go-hosted", [
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
  expect(screen.queryByRole("link", { name: "example.com/z26" })).not.toBeInTheDocument();
  expect(screen.queryByRole("navigation", { name: "Pages" })).not.toBeInTheDocument();
  // debounced: one request for the whole word, not one per key
  expect(calledPaths(fetch, "GET", /search=/)).toEqual(["/repositories/go-hosted/modules?search=hel&page=1&pageSize=25"]);
});

test("a slow answer to an older search never replaces the answer to the newer one", async () => {
  const user = userEvent.setup();
  renderApp("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: hosted },
    // "he" answers late, after "hello" has: what the box says must win.
    { path: /modules\?search=he&page=1&/, delayMs: 600, body: modulesPage(["example.com/hexdump", "example.com/hello"], 1, 2) },
    { path: /modules\?search=hello&page=1&/, body: modulesPage(["example.com/hello"], 1, 1) },
    { path: /modules\?page=1&/, body: modulesPage(["example.com/a1"], 1, 1) },
  ]);
  await screen.findByRole("link", { name: "example.com/a1" });
  const box = screen.getByRole("searchbox", { name: "Search modules" });
  await user.type(box, "he");
  await act(() => new Promise((resolve) => setTimeout(resolve, 400))); // the search for "he" goes out
  await user.type(box, "llo");
  expect(await screen.findByRole("link", { name: "example.com/hello" })).toBeInTheDocument();
  await act(() => new Promise((resolve) => setTimeout(resolve, 700))); // the late answer to "he" arrives
  expect(screen.queryByRole("link", { name: "example.com/hexdump" })).not.toBeInTheDocument();
  expect(screen.getByRole("link", { name: "example.com/hello" })).toBeInTheDocument();
});

test("a search without results says so", async () => {
  const user = userEvent.setup();
  renderApp("/repositories/go-hosted", [
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
  const { fetch } = renderApp("/repositories/go-hosted", [
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

test("choosing a zip uploads it at once as the raw body, says what was published, and lists it", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/repositories/go-hosted", [
    { method: "POST", path: "/repositories/go-hosted/upload", status: 201, body: { module: "example.com/new", version: "v1.2.0", size: 321 } },
    { path: "/repositories/go-hosted", times: 1, body: hosted },
    { path: "/repositories/go-hosted", body: { ...hosted, moduleCount: 4, versionCount: 6 } },
    { path: /^\/repositories\/go-hosted\/modules\?page=1&pageSize=25$/, times: 1, body: modulesPage(["example.com/hello"]) },
    { path: /^\/repositories\/go-hosted\/modules\?/, body: modulesPage(["example.com/hello", "example.com/new"]) },
  ]);
  await screen.findByRole("link", { name: "example.com/hello" });
  expect(screen.queryByRole("link", { name: "example.com/new" })).not.toBeInTheDocument();

  const zip = new File(["PK\u0003\u0004 zip bytes"], "hello.zip", { type: "application/zip" });
  const input = within(uploadSection()).getByLabelText("Module zip");
  await user.upload(input, zip);

  expect(await within(uploadSection()).findByRole("status")).toHaveTextContent("Published example.com/new@v1.2.0.");
  expect(within(uploadSection()).queryByRole("alert")).not.toBeInTheDocument();
  expect(await screen.findByRole("link", { name: "example.com/new" })).toBeInTheDocument();
  expect(await screen.findByText("4 modules, 6 versions, 1.5 KiB")).toBeInTheDocument();
  expect(input).toHaveFocus(); // the input stayed usable: the focus was not dropped while uploading
  const { body, headers } = sent(fetch, "POST", "/repositories/go-hosted/upload");
  expect(body).toBe(zip);
  expect(headers["Content-Type"]).toBe("application/zip");
  expect(headers["X-XSRF-TOKEN"]).toBe("t0k3n");
  // the server answers the UI's 401s without a Basic challenge (no browser sign-in dialog) when it sees this
  expect(headers["X-Requested-With"]).toBe("XMLHttpRequest");
});

/** Chooses a zip on go-hosted, whose upload the server answers with `answer`; returns the upload section. */
async function uploadAnswered(answer: Omit<Canned, "path" | "method">) {
  const user = userEvent.setup();
  renderApp("/repositories/go-hosted", hostedAnswers([{ method: "POST", path: "/repositories/go-hosted/upload", ...answer }]));
  await screen.findByRole("heading", { name: "Upload" });
  await user.upload(within(uploadSection()).getByLabelText("Module zip"), new File(["zip?"], "x.zip"));
  return within(uploadSection());
}

test("a refused upload shows the server's detail next to the drop zone, and nothing claims success", async () => {
  const section = await uploadAnswered(problem(400, "Invalid module zip", "the zip's entries do not share one {module}@{version}/ prefix"));
  const alert = await section.findByRole("alert");
  expect(alert).toHaveTextContent("the zip's entries do not share one {module}@{version}/ prefix");
  expect(section.getByRole("status")).toBeEmptyDOMElement();
  expect(screen.queryByText(/Published/)).not.toBeInTheDocument();
  expect(section.getByLabelText("Module zip")).toHaveAccessibleDescription(/do not share one/);
});

test("a conflict answered as plain text is shown as the server wrote it", async () => {
  const text = "example.com/hello@v1.0.0 already exists with different content; versions are immutable, publish a new version";
  const section = await uploadAnswered({ status: 409, body: text });
  expect(await section.findByRole("alert")).toHaveTextContent(text);
});

test("a zip dropped on the drop zone is uploaded, and the zone shows it is a target while dragging", async () => {
  const { fetch } = renderApp(
    "/repositories/go-hosted",
    hostedAnswers([{ method: "POST", path: "/repositories/go-hosted/upload", status: 201, body: { module: "example.com/drop", version: "v0.1.0" } }]),
  );
  const zone = (await screen.findByText("Drop a module zip here")).closest(".drop-zone")!;
  const zip = new File(["zip"], "drop.zip", { type: "" });
  fireEvent.dragEnter(zone, { dataTransfer: { files: [zip], types: ["Files"] } });
  expect(zone).toHaveClass("dragging");
  fireEvent.drop(zone, { dataTransfer: { files: [zip], types: ["Files"] } });
  expect(await within(uploadSection()).findByRole("status")).toHaveTextContent("Published example.com/drop@v0.1.0.");
  expect(sent(fetch, "POST", "/repositories/go-hosted/upload").headers["Content-Type"]).toBe("application/octet-stream");
  expect(zone).not.toHaveClass("dragging");
});

test("no upload without write on the repository, nor on a read-only one", async () => {
  renderApp("/repositories/go-hosted", hostedAnswers(), { ...alice, privileges: ["repository:*:read", "repository:other:write"] });
  await screen.findByRole("link", { name: "example.com/hello" });
  expect(screen.queryByRole("heading", { name: "Upload" })).not.toBeInTheDocument();
  expect(screen.queryByLabelText("Module zip")).not.toBeInTheDocument();
});

test("a read-only hosted repository says it takes no uploads", async () => {
  renderApp("/repositories/go-hosted", [
    { path: "/repositories/go-hosted", body: { ...hosted, hosted: { writePolicy: "read-only" } } },
    { path: /modules\?/, body: modulesPage([]) },
  ]);
  expect(await screen.findByText("This repository is read-only: it accepts no uploads.")).toBeInTheDocument();
  expect(screen.queryByLabelText("Module zip")).not.toBeInTheDocument();
});

test("an unknown repository says so", async () => {
  renderApp("/repositories/nope", [
    { path: "/repositories/nope", ...problem(404, "Repository not found") },
  ]);
  expect(await screen.findByRole("alert")).toHaveTextContent("There is no repository “nope”.");
});

test("a group whose hosted member the visitor may not read keeps the placeholder, and the visitor stays on the page", async () => {
  renderApp(
    "/repositories/go-group",
    [
      { path: "/repositories/go-group", body: group },
      { path: "/repositories", body: [group, hosted, proxy] },
      { path: /^\/repositories\/go-hosted\/modules\?/, status: 401, body: "authentication required" },
      { path: /^\/repositories\/go-group\/modules\?/, body: modulesPage(["golang.org/x/mod"]) },
    ],
    null,
  );
  expect(await screen.findByRole("link", { name: "golang.org/x/mod" })).toBeInTheDocument();
  const code = screen.getByText(/export GOPROXY/);
  await waitFor(() => expect(code).toHaveTextContent("export GONOSUMDB=example.com/your-team"));
  expect(screen.getByRole("heading", { level: 1, name: "go-group" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/go-group");
});

test("a signed-out visitor whose server wants credentials is sent to sign in, and told why", async () => {
  renderApp("/repositories/go-hosted", [{ path: "/repositories/go-hosted", status: 401, body: "authentication required" }], null);
  expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByText("Sign in to see that page.")).toBeInTheDocument();
});
