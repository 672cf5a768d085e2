import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import { calledPaths, renderAt } from "./testing";

afterEach(() => vi.unstubAllGlobals());

const laptop = {
  id: 7,
  name: "laptop",
  userName: "alice",
  prefix: "ah_abcd",
  createdAt: "2026-01-01T00:00:00Z",
  expiresAt: null,
  lastUsedAt: "2026-01-05T00:00:00Z",
  revoked: false,
};
const old = { ...laptop, id: 3, name: "old ci", prefix: "ah_zzzz", revoked: true, revokedAt: "2026-01-03T00:00:00Z" };

const problem = (status: number, body: object) => ({ status, contentType: "application/problem+json", body });

test("creating a token shows its text once, with Copy token, and lists it", async () => {
  const user = userEvent.setup();
  vi.stubGlobal("isSecureContext", true);
  const { fetch } = renderAt("/account", [
    { path: "/security/tokens", body: [laptop, old] },
    {
      method: "POST",
      path: "/security/tokens",
      status: 201,
      body: { id: 8, name: "ci", userName: "alice", prefix: "ah_new1", token: "ah_new1SECRETSECRET", expiresAt: "2026-03-01T00:00:00Z", createdAt: "2026-01-30T00:00:00Z" },
    },
  ]);
  expect(await screen.findByRole("heading", { level: 1, name: "Account" })).toBeInTheDocument();
  await screen.findByRole("rowheader", { name: "laptop" });

  await user.type(screen.getByRole("textbox", { name: "Token name" }), "ci");
  await user.type(screen.getByRole("spinbutton", { name: "Expires in days" }), "30");
  await user.click(screen.getByRole("button", { name: "Create token" }));

  const text = await screen.findByLabelText("New token");
  expect(text).toHaveValue("ah_new1SECRETSECRET");
  expect(text).toHaveAttribute("readonly");
  expect(screen.getByText(/it will not be shown again/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Copy token" }));
  expect(await navigator.clipboard.readText()).toBe("ah_new1SECRETSECRET");

  const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect(JSON.parse(String(post[1]?.body))).toEqual({ name: "ci", expiresInDays: 30 });
  expect(screen.getByRole("textbox", { name: "Token name" })).toHaveValue("");
  await waitFor(() => expect(calledPaths(fetch).filter((p) => p === "/security/tokens")).toHaveLength(2));

  // Once: after "Done" the text is gone for good.
  await user.click(screen.getByRole("button", { name: "Done" }));
  expect(screen.queryByLabelText("New token")).not.toBeInTheDocument();
  expect(screen.queryByDisplayValue("ah_new1SECRETSECRET")).not.toBeInTheDocument();
});

test("without an expiry nothing is sent for it", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt("/account", [
    { path: "/security/tokens", body: [] },
    { method: "POST", path: "/security/tokens", status: 201, body: { id: 9, name: "x", userName: "alice", prefix: "ah_x", token: "ah_xyz", createdAt: "2026-01-30T00:00:00Z" } },
  ]);
  expect(await screen.findByText("You have no API tokens.")).toBeInTheDocument();
  await user.type(screen.getByRole("textbox", { name: "Token name" }), "x");
  await user.keyboard("{Enter}");
  expect(await screen.findByLabelText("New token")).toHaveValue("ah_xyz");
  expect(screen.getByText(/“x” never expires\./)).toBeInTheDocument();
  const post = fetch.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect(JSON.parse(String(post[1]?.body))).toEqual({ name: "x" });
});

test("validation errors appear next to their fields, others by the button", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt("/account", [
    { path: "/security/tokens", body: [] },
    {
      method: "POST",
      path: "/security/tokens",
      ...problem(400, {
        title: "One or more validation errors occurred.",
        errors: { Name: ["'Name' must not be empty."], ExpiresInDays: ["'Expires In Days' must be between 1 and 3650."] },
      }),
    },
  ]);
  await screen.findByText("You have no API tokens.");
  await user.type(screen.getByRole("spinbutton", { name: "Expires in days" }), "9999");
  await user.click(screen.getByRole("button", { name: "Create token" }));

  const name = screen.getByRole("textbox", { name: "Token name" });
  await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
  expect(name).toHaveAccessibleDescription("'Name' must not be empty.");
  const days = screen.getByRole("spinbutton", { name: "Expires in days" });
  expect(days).toHaveAttribute("aria-invalid", "true");
  expect(days).toHaveAccessibleDescription(/must be between 1 and 3650/);
  expect(screen.getAllByRole("alert")).toHaveLength(2);
  expect(screen.queryByLabelText("New token")).not.toBeInTheDocument();
  expect(calledPaths(fetch, "POST")).toEqual(["/security/tokens"]);
});

test("a refusal that names no field is shown by the button", async () => {
  const user = userEvent.setup();
  renderAt("/account", [
    { path: "/security/tokens", body: [] },
    { method: "POST", path: "/security/tokens", ...problem(403, { title: "Forbidden", detail: "A scoped token cannot create tokens." }) },
  ]);
  await screen.findByText("You have no API tokens.");
  await user.type(screen.getByRole("textbox", { name: "Token name" }), "x");
  await user.click(screen.getByRole("button", { name: "Create token" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("A scoped token cannot create tokens.");
  expect(screen.getByRole("button", { name: "Create token" }).parentElement).toContainElement(alert);
});

test("revoking asks first; Cancel keeps the token, confirming revokes it", async () => {
  const user = userEvent.setup();
  const { fetch } = renderAt("/account", [
    { path: "/security/tokens", body: [laptop, old] },
    { method: "DELETE", path: "/security/tokens/7", status: 204 },
  ]);
  const row = within((await screen.findByRole("rowheader", { name: "laptop" })).closest("tr")!);
  expect(row.getByText("Active")).toBeInTheDocument();
  // a revoked token offers nothing to revoke
  const oldRow = within(screen.getByRole("rowheader", { name: "old ci" }).closest("tr")!);
  expect(oldRow.getByText("Revoked")).toBeInTheDocument();
  expect(oldRow.queryByRole("button", { name: "Revoke" })).not.toBeInTheDocument();

  await user.click(row.getByRole("button", { name: "Revoke" }));
  expect(calledPaths(fetch, "DELETE")).toEqual([]);
  expect(row.getByText(/Revoke “laptop”\?/)).toBeInTheDocument();
  expect(row.getByRole("button", { name: "Yes, revoke" })).toHaveFocus();
  await user.click(row.getByRole("button", { name: "Cancel" }));
  expect(calledPaths(fetch, "DELETE")).toEqual([]);
  await waitFor(() => expect(row.getByRole("button", { name: "Revoke" })).toHaveFocus());

  // Escape cancels too
  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.keyboard("{Escape}");
  expect(row.queryByRole("button", { name: "Yes, revoke" })).not.toBeInTheDocument();
  expect(calledPaths(fetch, "DELETE")).toEqual([]);

  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.click(row.getByRole("button", { name: "Yes, revoke" }));
  await waitFor(() => expect(calledPaths(fetch, "DELETE")).toEqual(["/security/tokens/7"]));
  await waitFor(() => expect(calledPaths(fetch).filter((p) => p === "/security/tokens")).toHaveLength(2));
});

test("a failed revoke is shown in the token's row", async () => {
  const user = userEvent.setup();
  renderAt("/account", [
    { path: "/security/tokens", body: [laptop] },
    { method: "DELETE", path: "/security/tokens/7", ...problem(404, { title: "Token not found", detail: "There is no token 7 of yours." }) },
  ]);
  const row = within((await screen.findByRole("rowheader", { name: "laptop" })).closest("tr")!);
  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.click(row.getByRole("button", { name: "Yes, revoke" }));
  expect(await row.findByRole("alert")).toHaveTextContent("Token not found: There is no token 7 of yours.");
});

test("a signed-out visitor is sent to sign in", async () => {
  renderAt("/account", [], null);
  expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/sign-in");
});
