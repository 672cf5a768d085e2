import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import type { Role, User } from "../../../api/admin";
import { calledPaths, problem, sentBody, validationProblem } from "../../../test/fetchMock";
import { admin, renderApp } from "../../../test/renderApp";

const roles: Role[] = [
  { name: "admin", builtIn: true, privileges: ["audit.read", "repositories.manage", "repository:*:admin", "security.manage"] },
  { name: "anonymous", builtIn: true, privileges: ["repository:*:read"] },
  { name: "deployer", description: "Publishes modules", builtIn: false, privileges: ["repository:go-*:write"] },
  { name: "reader", builtIn: true, privileges: ["repository:*:read"] },
];

const user = (userName: string, extra: Partial<User> = {}): User => ({
  userName,
  serviceAccount: false,
  disabled: false,
  roles: ["reader"],
  createdAt: "2026-01-01T00:00:00Z",
  ...extra,
});

test("the list pages on the server and searches", async () => {
  const { fetch } = renderApp("/admin/users", [
    { path: /^\/security\/users\?page=2/, body: { items: [user("zed")], page: 2, pageSize: 25, total: 26 } },
    { path: /^\/security\/users\?.*search=ci/, body: { items: [user("ci-bot", { serviceAccount: true })], page: 1, pageSize: 25, total: 1 } },
    { path: /^\/security\/users\?/, body: { items: [user("admin", { roles: ["admin"] }), user("alice")], page: 1, pageSize: 25, total: 26 } },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Users" })).toBeInTheDocument();
  expect(await screen.findByRole("rowheader", { name: "alice" })).toBeInTheDocument();
  // Nobody deletes themselves from here.
  const me = screen.getByRole("rowheader", { name: "admin" }).closest("tr")!;
  expect(within(me).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  expect(await screen.findByText("zed")).toBeInTheDocument();
  await userEvent.type(screen.getByRole("searchbox", { name: "Search users" }), "ci");
  await userEvent.click(screen.getByRole("button", { name: "Search" }));
  expect(await screen.findByText("ci-bot")).toBeInTheDocument();
  expect(screen.getByText("Service account")).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent(/^\/admin\/users\?search=ci$/);
  expect(calledPaths(fetch, "GET", /^\/security\/users/)).toEqual([
    "/security/users?page=1&pageSize=25",
    "/security/users?page=2&pageSize=25",
    "/security/users?page=1&pageSize=25&search=ci",
  ]);
});

test("create sends name, password and roles; the anonymous role is not offered", async () => {
  const { fetch } = renderApp("/admin/users/new", [
    { path: "/security/roles", body: roles },
    { method: "POST", path: "/security/users", status: 201, body: user("carol") },
    { path: /^\/security\/users\?/, body: { items: [user("carol")], page: 1, pageSize: 25, total: 1 } },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "User name" }), "carol");
  await userEvent.type(screen.getByRole("textbox", { name: "Display name" }), "Carol C.");
  await userEvent.type(screen.getByRole("textbox", { name: "Email" }), "carol@example.com");
  await userEvent.type(screen.getByLabelText("Password"), "a-long-password");
  await userEvent.click(await screen.findByRole("checkbox", { name: "deployer" }));
  expect(screen.queryByRole("checkbox", { name: "anonymous" })).not.toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Create user" }));
  expect(await screen.findByRole("status")).toHaveTextContent("Created carol.");
  expect(sentBody(fetch, "POST", "/security/users")).toEqual({
    userName: "carol",
    displayName: "Carol C.",
    email: "carol@example.com",
    password: "a-long-password",
    roles: ["deployer"],
    disabled: false,
  });
});

test("field errors go beside the fields, a 409 beside the button", async () => {
  renderApp("/admin/users/new", [
    { path: "/security/roles", body: roles },
    {
      method: "POST",
      path: "/security/users",
      times: 1,
      ...validationProblem({ Password: ["'Password' must be between 12 and 1024 characters. You entered 5 characters."], roles: ["There is no role named 'x'."] }),
    },
    { method: "POST", path: "/security/users", ...problem(409, "User exists", "A user named 'carol' already exists.") },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "User name" }), "carol");
  await userEvent.type(screen.getByLabelText("Password"), "short");
  await userEvent.click(screen.getByRole("button", { name: "Create user" }));
  const password = screen.getByLabelText("Password");
  await waitFor(() => expect(password).toHaveAttribute("aria-invalid", "true"));
  expect(password).toHaveAccessibleDescription(expect.stringContaining("must be between 12 and 1024 characters"));
  expect(password).toHaveFocus(); // the first field to fix
  expect(screen.getByRole("group", { name: "Roles" })).toHaveAccessibleDescription("There is no role named 'x'.");

  await userEvent.click(screen.getByRole("button", { name: "Create user" }));
  const actions = screen.getByRole("button", { name: "Create user" }).parentElement!;
  expect(await within(actions).findByRole("alert")).toHaveTextContent("A user named 'carol' already exists.");
  expect(password).not.toHaveAttribute("aria-invalid");
});

test("edit changes details, roles and disabled; reset password sends only the password", async () => {
  const { fetch } = renderApp("/admin/users/alice/edit", [
    { path: "/security/users/alice", body: user("alice", { displayName: "Alice", email: "a@example.com" }) },
    { path: "/security/roles", body: roles },
    { method: "PUT", path: "/security/users/alice", body: user("alice") },
    { path: /^\/security\/users\?/, body: { items: [user("alice")], page: 1, pageSize: 25, total: 1 } },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Edit alice" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "User name" })).toHaveAttribute("readonly");
  expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
  expect(await screen.findByRole("checkbox", { name: "reader" })).toBeChecked();

  await userEvent.type(screen.getByLabelText("New password"), "another-long-password");
  await userEvent.click(screen.getByRole("button", { name: "Set password" }));
  expect(await screen.findByText("The password is set.")).toBeInTheDocument();
  expect(sentBody(fetch, "PUT", "/security/users/alice")).toEqual({ password: "another-long-password" });
  expect(screen.getByLabelText("New password")).toHaveValue("");

  fetch.mockClear();
  await userEvent.clear(screen.getByRole("textbox", { name: "Email" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "reader" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "deployer" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "Disabled" }));
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByText("Saved alice.")).toHaveAttribute("role", "status");
  expect(screen.getByTestId("location")).toHaveTextContent(/^\/admin\/users$/);
  expect(sentBody(fetch, "PUT", "/security/users/alice")).toEqual({ displayName: "Alice", email: "", roles: ["deployer"], disabled: true });
});

test("delete asks first; the last administrator's refusal is shown by the button", async () => {
  const { fetch } = renderApp("/admin/users", [
    { path: /^\/security\/users\?/, body: { items: [user("root", { roles: ["admin"] })], page: 1, pageSize: 25, total: 1 } },
    {
      method: "DELETE",
      path: "/security/users/root",
      ...problem(409, "Last administrator", "'root' is the last enabled user with the role 'admin'."),
    },
  ], admin());
  const row = (await screen.findByText("root")).closest("tr")!;
  await userEvent.click(within(row).getByRole("button", { name: "Delete" }));
  expect(calledPaths(fetch, "DELETE")).toHaveLength(0);
  await userEvent.click(within(row).getByRole("button", { name: "Yes, delete" }));
  expect(await within(row).findByRole("alert")).toHaveTextContent("'root' is the last enabled user with the role 'admin'.");
  expect(calledPaths(fetch, "DELETE", "/security/users/root")).toHaveLength(1);
});
