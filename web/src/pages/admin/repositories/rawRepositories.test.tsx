import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { calledPaths, sentBody, validationProblem } from "../../../test/fetchMock";
import { rawProxy, rawRepository, repository } from "../../../test/fixtures";
import { admin, renderApp } from "../../../test/renderApp";

// The repository forms for the raw format: write policies, a raw proxy's settings, a group of raw members.

const existing = [
  repository("go-hosted", "hosted"),
  repository("go-proxy", "proxy"),
  rawRepository("raw-hosted", "hosted"),
  rawProxy,
  rawRepository("raw-group", "group"),
];

const optionLabels = (select: HTMLElement) => within(select).getAllByRole("option").map((o) => o.textContent);

test("the format offers raw; a raw hosted repository may allow overwriting, a Go one may not", async () => {
  const { fetch } = renderApp(
    "/admin/repositories/new",
    [
      { path: "/repositories", body: existing },
      { method: "POST", path: "/repositories", status: 201, body: rawRepository("files", "hosted", { hosted: { writePolicy: "allow" } }) },
      { path: "/repositories/files", body: rawRepository("files", "hosted", { hosted: { writePolicy: "allow" }, fileCount: 0 }) },
      { path: "/repositories/files/tree/", body: { path: "", entries: [] } },
    ],
    admin(),
  );
  const format = await screen.findByRole("combobox", { name: "Format" });
  expect(optionLabels(format)).toEqual(["Go modules", "Raw (any file at any path)"]);
  const policy = screen.getByRole("combobox", { name: "Write policy" });
  expect(optionLabels(policy)).toEqual(["Allow new versions (a published version never changes)", "Read-only (nothing may be published)"]);

  await userEvent.selectOptions(format, "raw");
  expect(optionLabels(screen.getByRole("combobox", { name: "Write policy" }))).toEqual([
    "Allow new files (a stored file never changes)",
    "Allow overwrite (a stored file may be replaced)",
    "Read-only (nothing may be uploaded)",
  ]);
  expect(screen.getByRole("combobox", { name: "Type" })).toHaveAccessibleDescription(expect.stringContaining("files are uploaded here"));
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Write policy" }), "allow");
  await userEvent.type(screen.getByRole("textbox", { name: "Name" }), "files");
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));

  expect(await screen.findByRole("heading", { level: 1, name: "files" })).toBeInTheDocument();
  expect(await screen.findByText("This repository holds no files yet.")).toBeInTheDocument();
  expect(sentBody(fetch, "POST", "/repositories")).toEqual({
    name: "files",
    format: "raw",
    type: "hosted",
    online: true,
    anonymousRead: true,
    hosted: { writePolicy: "allow" },
  });
});

test("going back to Go after choosing to allow overwriting goes back to allow-once", async () => {
  const { fetch } = renderApp(
    "/admin/repositories/new",
    [
      { path: "/repositories", body: existing },
      { method: "POST", path: "/repositories", status: 201, body: repository("mods", "hosted") },
    ],
    admin(),
  );
  const format = await screen.findByRole("combobox", { name: "Format" });
  await userEvent.selectOptions(format, "raw");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Write policy" }), "allow");
  await userEvent.selectOptions(format, "go");
  expect(screen.getByRole("combobox", { name: "Write policy" })).toHaveValue("allow-once");
  await userEvent.type(screen.getByRole("textbox", { name: "Name" }), "mods");
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));
  await waitFor(() => expect(calledPaths(fetch, "POST", "/repositories")).toHaveLength(1));
  expect(sentBody(fetch, "POST", "/repositories")).toMatchObject({ format: "go", hosted: { writePolicy: "allow-once" } });
});

test("a raw proxy has metadata paths and a checksum sidecar instead of checksum databases, sent in the server's shape", async () => {
  const { fetch } = renderApp(
    "/admin/repositories/new",
    [
      { path: "/repositories", body: existing },
      { method: "POST", path: "/repositories", status: 201, body: rawRepository("go-dl", "proxy") },
    ],
    admin(),
  );
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "go-dl");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Format" }), "raw");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Proxy");
  expect(screen.queryByRole("group", { name: "Checksum databases" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add checksum database" })).not.toBeInTheDocument();
  expect(screen.queryByRole("textbox", { name: "Allowed module paths" })).not.toBeInTheDocument();
  const upstream = screen.getByRole("textbox", { name: "Upstream URL" });
  expect(upstream).toHaveAccessibleDescription(expect.stringContaining("web server to fetch files from"));
  expect(screen.getByRole("spinbutton", { name: "Metadata max age (minutes)" })).toHaveAccessibleDescription(
    expect.stringContaining("matching a metadata path"),
  );

  await userEvent.type(upstream, "https://go.dev/dl/");
  await userEvent.type(screen.getByRole("textbox", { name: "Metadata paths" }), "*.json{enter}{enter}  */  ");
  await userEvent.type(screen.getByRole("textbox", { name: "Checksum sidecar suffix" }), ".sha256");
  await userEvent.type(screen.getByRole("textbox", { name: "Blocked paths" }), "private/*");
  await userEvent.click(screen.getByRole("button", { name: "Create repository" }));

  await waitFor(() => expect(calledPaths(fetch, "POST", "/repositories")).toHaveLength(1));
  expect(sentBody(fetch, "POST", "/repositories")).toEqual({
    name: "go-dl",
    format: "raw",
    type: "proxy",
    online: true,
    anonymousRead: true,
    proxy: {
      upstream: "https://go.dev/dl/",
      metadataMaxAgeMinutes: 30,
      negativeCacheMinutes: 5,
      connectTimeoutSeconds: 10,
      readTimeoutSeconds: 60,
      allow: [],
      block: ["private/*"],
      checksumDatabases: [],
      metadataPaths: ["*.json", "*/"],
      verifySidecar: ".sha256",
    },
  });
});

test("a raw group offers only raw repositories as members", async () => {
  renderApp("/admin/repositories/new", [{ path: "/repositories", body: existing }], admin());
  await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Format" }), "raw");
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Group");
  const add = screen.getByRole("combobox", { name: "Add member" });
  await waitFor(() => expect(within(add).getByRole("option", { name: /raw-hosted/ })).toBeInTheDocument());
  expect(optionLabels(add)).toEqual(["Choose a repository…", "raw-hosted (Hosted)", "raw-proxy (Proxy)", "raw-group (Group)"]);
  expect(add).toHaveAccessibleDescription(expect.stringContaining("the first that holds a file at a path serves it"));
});

test("editing a raw proxy shows its settings; an emptied sidecar is sent as null; a bad pattern's message is beside its field", async () => {
  const { fetch } = renderApp(
    "/admin/repositories/raw-proxy/edit",
    [
      { path: "/repositories/raw-proxy", body: rawProxy },
      { path: "/repositories", body: existing },
      { method: "PUT", path: "/repositories/raw-proxy", ...validationProblem({ "Proxy.MetadataPaths[1]": ["'[' is not a valid glob pattern."] }) },
    ],
    admin(),
  );
  expect(await screen.findByRole("heading", { level: 1, name: "Edit raw-proxy" })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Format" })).toHaveValue("raw");
  expect(screen.getByRole("combobox", { name: "Format" })).toBeDisabled();
  const patterns = screen.getByRole("textbox", { name: "Metadata paths" });
  expect(patterns).toHaveValue("*.json\n*/");
  const sidecar = screen.getByRole("textbox", { name: "Checksum sidecar suffix" });
  expect(sidecar).toHaveValue(".sha256");
  await userEvent.clear(sidecar);
  await userEvent.type(patterns, "{enter}[[");
  await userEvent.click(screen.getByRole("button", { name: "Save" }));

  await waitFor(() => expect(patterns).toHaveAttribute("aria-invalid", "true"));
  expect(patterns).toHaveAccessibleDescription(expect.stringContaining("'[' is not a valid glob pattern."));
  expect(patterns).toHaveFocus();
  const actions = screen.getByRole("button", { name: "Save" }).parentElement!;
  expect(within(actions).queryByRole("alert")).not.toBeInTheDocument();
  const body = sentBody(fetch, "PUT", "/repositories/raw-proxy") as { proxy: Record<string, unknown> };
  expect(body).not.toHaveProperty("format");
  expect(body.proxy.metadataPaths).toEqual(["*.json", "*/", "["]);
  expect(body.proxy.verifySidecar).toBeNull();
  expect(body.proxy.checksumDatabases).toEqual([]);
});
