import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { proxyDefaults } from "../../../api/repositories";
import { calledPaths, problem, sent, sentBody, validationProblem } from "../../../test/fetchMock";
import { repository } from "../../../test/fixtures";
import { admin, renderApp } from "../../../test/renderApp";

const existing = [
  repository("go-hosted", "hosted"),
  repository("go-proxy", "proxy", {
    proxy: { ...proxyDefaults, upstream: "https://proxy.golang.org", block: ["corp.example.com/*"], authentication: { type: "basic", username: "bob" } },
  }),
  repository("go-private", "hosted"),
  repository("npm-hosted", "hosted", { format: "npm" }),
];

test("the create form changes with the type", async () => {
  renderApp("/admin/repositories/new", [{ path: "/repositories", body: existing }], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Create repository" })).toBeInTheDocument();
  const type = screen.getByRole("combobox", { name: "Type" });
  expect(within(type).getAllByRole("option").map((o) => o.textContent)).toEqual(["Hosted", "Proxy", "Group"]);
  expect(screen.getByRole("textbox", { name: "Name" })).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "Online" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "Anonymous read" })).toBeChecked();
  expect(screen.getByRole("combobox", { name: "Write policy" })).toBeInTheDocument();
  expect(screen.queryByRole("textbox", { name: "Upstream URL" })).not.toBeInTheDocument();

  await userEvent.selectOptions(type, "Proxy");
  expect(screen.getByRole("textbox", { name: "Upstream URL" })).toBeInTheDocument();
  expect(screen.getByRole("spinbutton", { name: "Metadata max age (minutes)" })).toHaveValue(30);
  expect(screen.getByRole("spinbutton", { name: "Not-found cache (minutes)" })).toHaveValue(5);
  expect(screen.getByRole("combobox", { name: "Upstream authentication" })).toHaveValue("none");
  expect(screen.queryByRole("combobox", { name: "Write policy" })).not.toBeInTheDocument();
  expect(screen.queryByRole("combobox", { name: "Add member" })).not.toBeInTheDocument();

  await userEvent.selectOptions(type, "Group");
  expect(screen.queryByRole("textbox", { name: "Upstream URL" })).not.toBeInTheDocument();
  const add = screen.getByRole("combobox", { name: "Add member" });
  // Only repositories of the group's format are offered.
  expect(within(add).queryByRole("option", { name: /npm-hosted/ })).not.toBeInTheDocument();
  expect(within(add).getByRole("option", { name: /go-proxy/ })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Create repository" })).toBeInTheDocument();
});

test("a proxy create sends the upstream, ages, lists and credentials in the server's shape, then shows the repository", async () => {
  const { fetch } = renderApp("/admin/repositories/new", [
    { path: "/repositories", body: existing },
    { method: "POST", path: "/repositories", status: 201, body: repository("gocenter", "proxy") },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "gocenter");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Proxy");
  await userEvent.type(screen.getByRole("textbox", { name: "Upstream URL" }), "https://goproxy.example.com/go");
  const maxAge = screen.getByRole("spinbutton", { name: "Metadata max age (minutes)" });
  await userEvent.clear(maxAge);
  await userEvent.type(maxAge, "120");
  const notFound = screen.getByRole("spinbutton", { name: "Not-found cache (minutes)" });
  await userEvent.clear(notFound);
  await userEvent.type(notFound, "0");
  await userEvent.type(screen.getByRole("textbox", { name: "Blocked module paths" }), "corp.example.com/*{enter}{enter}*.internal");
  await userEvent.type(screen.getByRole("textbox", { name: "Allowed module paths" }), "github.com/*");
  await userEvent.click(screen.getByRole("button", { name: "Add checksum database" }));
  const second = screen.getByRole("group", { name: "Checksum database 2" });
  await userEvent.type(within(second).getByRole("textbox", { name: "Host" }), "sum.example.com");
  await userEvent.type(within(second).getByRole("textbox", { name: "Forward to URL" }), "https://sum.example.com");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Upstream authentication" }), "basic");
  await userEvent.type(screen.getByRole("textbox", { name: "Upstream user" }), "ci");
  await userEvent.type(screen.getByLabelText("Upstream password"), "s3cret");
  await userEvent.click(screen.getByRole("checkbox", { name: "Anonymous read" }));
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));

  expect(await screen.findByRole("heading", { level: 1, name: "gocenter" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/repositories/gocenter");
  expect(sentBody(fetch, "POST", "/repositories")).toEqual({
    name: "gocenter",
    format: "go",
    type: "proxy",
    online: true,
    anonymousRead: false,
    proxy: {
      upstream: "https://goproxy.example.com/go",
      metadataMaxAgeMinutes: 120,
      negativeCacheMinutes: 0,
      connectTimeoutSeconds: 10,
      readTimeoutSeconds: 60,
      allow: ["github.com/*"],
      block: ["corp.example.com/*", "*.internal"],
      checksumDatabases: [
        { name: "sum.golang.org", url: "https://sum.golang.org", latestMaxAgeSeconds: 60, key: "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8" },
        { name: "sum.example.com", url: "https://sum.example.com", latestMaxAgeSeconds: 60, key: null },
      ],
      authentication: { type: "basic", username: "ci", password: "s3cret" },
    },
  });
  expect(sent(fetch, "POST", "/repositories").headers["X-XSRF-TOKEN"]).toBe("t0k3n");
});

test("a number that is not one is shown beside its field and nothing is sent", async () => {
  const { fetch } = renderApp("/admin/repositories/new", [{ path: "/repositories", body: existing }], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "p");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Proxy");
  await userEvent.clear(screen.getByRole("spinbutton", { name: "Read timeout (seconds)" }));
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));
  const field = screen.getByRole("spinbutton", { name: "Read timeout (seconds)" });
  expect(field).toHaveAttribute("aria-invalid", "true");
  expect(field).toHaveAccessibleDescription(expect.stringContaining("Enter a whole number."));
  expect(calledPaths(fetch, "POST", "/repositories")).toHaveLength(0);
});

test("group members are added, reordered with Move up / Move down (keeping the focus) and removed; the order is sent", async () => {
  const { fetch } = renderApp("/admin/repositories/new", [
    { path: "/repositories", body: existing },
    { method: "POST", path: "/repositories", status: 201, body: repository("go-all", "group") },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "go-all");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Group");
  const add = screen.getByRole("combobox", { name: "Add member" });
  await waitFor(() => expect(within(add).getByRole("option", { name: /go-private/ })).toBeInTheDocument());
  await userEvent.selectOptions(add, "go-hosted");
  await userEvent.selectOptions(add, "go-proxy");
  await userEvent.selectOptions(add, "go-private");
  // A member is offered only once.
  expect(within(add).queryByRole("option", { name: /go-hosted/ })).not.toBeInTheDocument();

  const list = screen.getByRole("list", { name: "Members" });
  const names = () => within(list).getAllByRole("listitem").map((li) => li.querySelector("strong")?.textContent);
  expect(names()).toEqual(["go-hosted", "go-proxy", "go-private"]);
  expect(within(within(list).getAllByRole("listitem")[0]).getByRole("button", { name: "Move up" })).toBeDisabled();

  // go-private up, by keyboard: the focus follows it.
  const privateUp = within(within(list).getAllByRole("listitem")[2]).getByRole("button", { name: "Move up" });
  privateUp.focus();
  await userEvent.keyboard("{Enter}");
  expect(names()).toEqual(["go-hosted", "go-private", "go-proxy"]);
  expect(document.activeElement).toHaveTextContent("Move up");
  expect(document.activeElement?.closest("li")).toHaveTextContent("go-private");
  await userEvent.keyboard("{Enter}");
  expect(names()).toEqual(["go-private", "go-hosted", "go-proxy"]);
  // At the top its "Move up" is disabled: the focus goes to its "Move down".
  expect(document.activeElement).toHaveTextContent("Move down");
  expect(document.activeElement?.closest("li")).toHaveTextContent("go-private");
  expect(screen.getByRole("status", { name: "" })).toHaveTextContent("go-private moved to position 1 of 3.");

  await userEvent.click(within(within(list).getAllByRole("listitem")[1]).getByRole("button", { name: "Move down" }));
  expect(names()).toEqual(["go-private", "go-proxy", "go-hosted"]);
  await userEvent.click(within(within(list).getAllByRole("listitem")[1]).getByRole("button", { name: "Remove" }));
  expect(names()).toEqual(["go-private", "go-hosted"]);

  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));
  await screen.findByRole("heading", { level: 1, name: "go-all" });
  expect(sentBody(fetch, "POST", "/repositories")).toEqual({
    name: "go-all",
    format: "go",
    type: "group",
    online: true,
    anonymousRead: true,
    group: { members: ["go-private", "go-hosted"] },
  });
});

test("a 400 puts each message beside its field; messages for no field shown go beside the button", async () => {
  renderApp("/admin/repositories/new", [
    { path: "/repositories", body: existing },
    {
      method: "POST",
      path: "/repositories",
      ...validationProblem({
        Name: ["Name must be a lower-case letter or digit, then up to 63 of a-z 0-9 . _ -."],
        "Proxy.Upstream": ["Upstream must be an absolute http or https URL."],
        "Proxy.ChecksumDatabases[0].Url": ["A checksum database URL must be an absolute http or https URL."],
        "Proxy.Block[1]": ["'Proxy Block' must not be empty."],
        "Proxy.Authentication.Password": ["Basic authentication needs a password."],
        Hosted: ["Hosted settings apply only to hosted repositories."],
      }),
    },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "Bad Name");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Proxy");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Upstream authentication" }), "basic");
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));

  const name = screen.getByRole("textbox", { name: "Name" });
  await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
  expect(name).toHaveAccessibleDescription(expect.stringContaining("Name must be a lower-case letter or digit"));
  const upstream = screen.getByRole("textbox", { name: "Upstream URL" });
  expect(upstream).toHaveAttribute("aria-invalid", "true");
  expect(upstream).toHaveAccessibleDescription(expect.stringContaining("Upstream must be an absolute http or https URL."));
  const url = within(screen.getByRole("group", { name: "Checksum database 1" })).getByRole("textbox", { name: "Forward to URL" });
  expect(url).toHaveAttribute("aria-invalid", "true");
  expect(url).toHaveAccessibleDescription("A checksum database URL must be an absolute http or https URL.");
  expect(screen.getByRole("textbox", { name: "Blocked module paths" })).toHaveAccessibleDescription(
    expect.stringContaining("'Proxy Block' must not be empty."),
  );
  expect(screen.getByLabelText("Upstream password")).toHaveAccessibleDescription("Basic authentication needs a password.");
  // Fields without a problem stay valid.
  expect(screen.getByRole("spinbutton", { name: "Connect timeout (seconds)" })).not.toHaveAttribute("aria-invalid");
  // The one for no field shown is by the button, and only there.
  const actions = screen.getByRole("button", { name: "Create repository" }).parentElement!;
  expect(within(actions).getByRole("alert")).toHaveTextContent("Hosted settings apply only to hosted repositories.");
  expect(within(actions).queryByText(/Upstream must be/)).not.toBeInTheDocument();
});

test("a 409 is shown beside the button", async () => {
  renderApp("/admin/repositories/new", [
    { path: "/repositories", body: existing },
    {
      method: "POST",
      path: "/repositories",
      ...problem(409, "Repository exists", "A repository named 'go-hosted' already exists."),
    },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "go-hosted");
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));
  const actions = screen.getByRole("button", { name: "Create repository" }).parentElement!;
  expect(await within(actions).findByRole("alert")).toHaveTextContent("A repository named 'go-hosted' already exists.");
  expect(screen.getByRole("textbox", { name: "Name" })).not.toHaveAttribute("aria-invalid");
  expect(screen.getByTestId("location")).toHaveTextContent("/admin/repositories/new");
});

test("editing fixes name, format and type, never shows the upstream password, and keeps it when left empty", async () => {
  const { fetch } = renderApp("/admin/repositories/go-proxy/edit", [
    { path: "/repositories/go-proxy", body: existing[1] },
    { path: "/repositories", body: existing },
    { method: "PUT", path: "/repositories/go-proxy", body: existing[1] },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Edit go-proxy" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "Name" })).toHaveAttribute("readonly");
  expect(screen.getByRole("combobox", { name: "Type" })).toBeDisabled();
  expect(screen.getByRole("combobox", { name: "Format" })).toBeDisabled();
  expect(screen.getByRole("textbox", { name: "Upstream URL" })).toHaveValue("https://proxy.golang.org");
  expect(screen.getByRole("textbox", { name: "Blocked module paths" })).toHaveValue("corp.example.com/*");
  expect(screen.getByRole("combobox", { name: "Upstream authentication" })).toHaveValue("basic");
  expect(screen.getByRole("textbox", { name: "Upstream user" })).toHaveValue("bob");
  expect(screen.getByLabelText("Upstream password")).toHaveValue("");
  expect(screen.getByLabelText("Upstream password")).toHaveAccessibleDescription(expect.stringContaining("Leave empty to keep"));

  await userEvent.click(screen.getByRole("checkbox", { name: "Online" }));
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/^\/admin\/repositories$/));
  expect(await screen.findByRole("status")).toHaveTextContent("Saved go-proxy.");
  const body = sentBody(fetch, "PUT", "/repositories/go-proxy") as Record<string, unknown>;
  expect(body).not.toHaveProperty("name");
  expect(body).not.toHaveProperty("type");
  expect(body.online).toBe(false);
  expect(body.proxy).not.toHaveProperty("authentication");
});

test("editing: choosing no authentication removes the stored credentials; a new password replaces them", async () => {
  const { fetch } = renderApp("/admin/repositories/go-proxy/edit", [
    { path: "/repositories/go-proxy", body: existing[1] },
    { path: "/repositories", body: existing },
    { method: "PUT", path: "/repositories/go-proxy", body: existing[1] },
  ], admin());
  await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Upstream authentication" }), "none");
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(calledPaths(fetch, "PUT", "/repositories/go-proxy")).toHaveLength(1));
  expect((sentBody(fetch, "PUT", "/repositories/go-proxy") as { proxy: { authentication: unknown } }).proxy.authentication).toEqual({ type: "none" });
});

test("delete asks first and sends DELETE only once confirmed", async () => {
  const { fetch } = renderApp("/admin/repositories", [
    { path: "/repositories", body: existing },
    { method: "DELETE", path: "/repositories/go-private", status: 204 },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Manage repositories" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Create repository" })).toHaveAttribute("href", "/admin/repositories/new");
  const row = (await screen.findByRole("link", { name: "go-private" })).closest("tr")!;
  expect(within(row).getByRole("link", { name: "Edit" })).toHaveAttribute("href", "/admin/repositories/go-private/edit");

  await userEvent.click(within(row).getByRole("button", { name: "Delete" }));
  const dialog = within(row).getByRole("group", { name: /Delete go-private/ });
  expect(dialog).toHaveTextContent("Delete go-private and everything it holds?");
  expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
  await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
  expect(within(row).getByRole("button", { name: "Delete" })).toHaveFocus();
  expect(calledPaths(fetch, "DELETE")).toHaveLength(0);

  await userEvent.click(within(row).getByRole("button", { name: "Delete" }));
  await userEvent.click(within(row).getByRole("button", { name: "Yes, delete" }));
  expect(await screen.findByText("Deleted go-private.")).toBeInTheDocument();
  expect(calledPaths(fetch, "DELETE")).toEqual(["/repositories/go-private"]);
});

test("a refused delete says why next to the row's button", async () => {
  renderApp("/admin/repositories", [
    { path: "/repositories", body: existing },
    {
      method: "DELETE",
      path: "/repositories/go-hosted",
      ...problem(403, "Forbidden", "You may not manage repositories."),
    },
  ], admin());
  const row = (await screen.findByRole("link", { name: "go-hosted" })).closest("tr")!;
  await userEvent.click(within(row).getByRole("button", { name: "Delete" }));
  await userEvent.click(within(row).getByRole("button", { name: "Yes, delete" }));
  expect(await within(row).findByRole("alert")).toHaveTextContent("You may not manage repositories.");
});

test("without repositories.manage the page says what it needs", async () => {
  renderApp("/admin/repositories", [{ path: "/repositories", body: existing }], admin(["audit.read"]));
  expect(await screen.findByRole("heading", { level: 1, name: "Manage repositories" })).toBeInTheDocument();
  expect(screen.getByText(/needs the privilege/)).toHaveTextContent("repositories.manage");
  expect(screen.queryByRole("table")).not.toBeInTheDocument();
});

test("editing keeps each checksum database's verifier key, and a changed one is sent", async () => {
  const company = { name: "sum.corp.example", url: "https://sum.corp.example", latestMaxAgeSeconds: 60, key: "sum.corp.example+12345678+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=" };
  const proxy = repository("sumdb-proxy", "proxy", { proxy: { ...proxyDefaults, checksumDatabases: [...proxyDefaults.checksumDatabases, company] } });
  const { fetch } = renderApp("/admin/repositories/sumdb-proxy/edit", [
    { path: "/repositories/sumdb-proxy", body: proxy },
    { path: "/repositories", body: [...existing, proxy] },
    { method: "PUT", path: "/repositories/sumdb-proxy", body: proxy },
  ], admin());
  const second = within((await screen.findByRole("group", { name: "Checksum database 2" })));
  expect(second.getByRole("textbox", { name: "Verifier key" })).toHaveValue(company.key);

  const first = within(screen.getByRole("group", { name: "Checksum database 1" }));
  await userEvent.clear(first.getByRole("textbox", { name: "Verifier key" }));
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  await waitFor(() => expect(calledPaths(fetch, "PUT", "/repositories/sumdb-proxy")).toHaveLength(1));

  const sentProxy = (sentBody(fetch, "PUT", "/repositories/sumdb-proxy") as { proxy: { checksumDatabases: { name: string; key: string | null }[] } }).proxy;
  expect(sentProxy.checksumDatabases.map((d) => [d.name, d.key])).toEqual([["sum.golang.org", null], [company.name, company.key]]);
});
