import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { sentBody } from "../../test/fetchMock";
import { admin, renderApp } from "../../test/renderApp";

const linkNames = () =>
  within(screen.getByRole("main"))
    .getAllByRole("link")
    .map((a) => a.textContent);

test("an administrator sees every section", async () => {
  renderApp("/admin", [], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Administration" })).toBeInTheDocument();
  expect(linkNames()).toEqual(["Repositories", "Users", "Roles", "Tokens", "Security settings", "Audit log"]);
  expect(screen.getByRole("link", { name: "Audit log" })).toHaveAttribute("href", "/admin/audit");
});

test("each section shows only with its privilege", async () => {
  renderApp("/admin", [], admin(["audit.read", "repository:*:read"]));
  await screen.findByRole("heading", { level: 1, name: "Administration" });
  expect(linkNames()).toEqual(["Audit log"]);
});

test("a signed-out visitor is sent to sign in, and back afterwards", async () => {
  renderApp("/admin/users", [], null);
  expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent(/^\/sign-in$/);
});

test("the navigation offers Administration only to holders of an administration privilege", async () => {
  renderApp("/repositories", [{ path: "/repositories", body: [] }]);
  const nav = await screen.findByRole("navigation", { name: "Main" });
  await within(nav).findByRole("link", { name: "Account" });
  expect(within(nav).queryByRole("link", { name: "Administration" })).not.toBeInTheDocument();
});

test("security settings switch anonymous access", async () => {
  const { fetch } = renderApp("/admin/settings", [
    { path: "/security/settings", body: { anonymousAccess: true } },
    { method: "PUT", path: "/security/settings", body: { anonymousAccess: false } },
  ], admin());
  const box = await screen.findByRole("checkbox", { name: "Anonymous access" });
  expect(box).toBeChecked();
  await userEvent.click(box);
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByRole("status")).toHaveTextContent("Saved.");
  expect(sentBody(fetch, "PUT", "/security/settings")).toEqual({ anonymousAccess: false });
});
