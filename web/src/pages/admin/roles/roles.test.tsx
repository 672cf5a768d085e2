import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import type { Role } from "../../../api/admin";
import { calledPaths, sentBody, validationProblem } from "../../../test/fetchMock";
import { admin, renderApp } from "../../../test/renderApp";

const roles: Role[] = [
  { name: "admin", builtIn: true, privileges: ["audit.read", "repositories.manage", "repository:*:admin", "security.manage"] },
  { name: "deployer", description: "Publishes modules", builtIn: false, privileges: ["repository:go-*:read", "repository:go-*:write"] },
];

test("the list shows privileges; built-in roles cannot be deleted; delete asks first", async () => {
  const { fetch } = renderApp("/admin/roles", [
    { path: "/security/roles", body: roles },
    { method: "DELETE", path: "/security/roles/deployer", status: 204 },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Roles" })).toBeInTheDocument();
  const adminRow = (await screen.findByRole("rowheader", { name: /^admin/ })).closest("tr")!;
  expect(within(adminRow).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  const deployer = screen.getByRole("rowheader", { name: "deployer" }).closest("tr")!;
  expect(deployer).toHaveTextContent("repository:go-*:write");
  await userEvent.click(within(deployer).getByRole("button", { name: "Delete" }));
  expect(calledPaths(fetch, "DELETE")).toHaveLength(0);
  await userEvent.click(within(deployer).getByRole("button", { name: "Yes, delete" }));
  expect(await screen.findByText("Deleted deployer.")).toBeInTheDocument();
  expect(calledPaths(fetch, "DELETE", "/security/roles/deployer")).toHaveLength(1);
});

test("create sends the privileges one per line, and a bad line's message is beside the privileges", async () => {
  const { fetch } = renderApp("/admin/roles/new", [
    {
      method: "POST",
      path: "/security/roles",
      ...validationProblem({
        "Privileges[1]": ["'repo:x' is not a privilege: use repository:{name or glob}:{read|write|delete|admin} or one of repositories.manage, security.manage, audit.read."],
      }),
    },
  ], admin());
  await userEvent.type(await screen.findByRole("textbox", { name: "Name" }), "ops");
  await userEvent.type(screen.getByRole("textbox", { name: "Description" }), "Operations");
  const privileges = screen.getByRole("textbox", { name: "Privileges" });
  expect(privileges).toHaveAccessibleDescription(expect.stringContaining("repository:<name or glob>:<read|write|delete|admin>"));
  await userEvent.type(privileges, "audit.read{enter}repo:x{enter}{enter}  repository:go-*:admin  ");
  await userEvent.click(screen.getByRole("button", { name: "Create role" }));
  await waitFor(() => expect(privileges).toHaveAttribute("aria-invalid", "true"));
  expect(privileges).toHaveAccessibleDescription(expect.stringContaining("'repo:x' is not a privilege"));
  expect(sentBody(fetch, "POST", "/security/roles")).toEqual({
    name: "ops",
    description: "Operations",
    privileges: ["audit.read", "repo:x", "repository:go-*:admin"],
  });
});

test("edit of a built-in role keeps its name fixed; saving goes back to the list", async () => {
  const { fetch } = renderApp("/admin/roles/admin/edit", [
    { path: "/security/roles/admin", body: roles[0] },
    { method: "PUT", path: "/security/roles/admin", body: roles[0] },
    { path: "/security/roles", body: roles },
  ], admin());
  const name = await screen.findByRole("textbox", { name: "Name" });
  expect(name).toHaveAttribute("readonly");
  expect(screen.getByRole("textbox", { name: "Privileges" })).toHaveValue(roles[0].privileges.join("\n"));
  await userEvent.type(screen.getByRole("textbox", { name: "Description" }), "Everything");
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByRole("status")).toHaveTextContent("Saved role admin.");
  expect(sentBody(fetch, "PUT", "/security/roles/admin")).toEqual({ name: "admin", description: "Everything", privileges: roles[0].privileges });
});
