import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import type { Token } from "../../api/tokens";
import { calledPaths, problem, sent, validationProblem } from "../../test/fetchMock";
import { alice, renderApp } from "../../test/renderApp";

const laptop: Token = {
  id: 7,
  name: "laptop",
  userName: "alice",
  prefix: "ah_abcd",
  createdAt: "2026-01-01T00:00:00Z",
  expiresAt: null,
  lastUsedAt: "2026-01-05T00:00:00Z",
  revoked: false,
};
const old: Token = { ...laptop, id: 3, name: "old ci", prefix: "ah_zzzz", revoked: true, revokedAt: "2026-01-03T00:00:00Z" };
const ci: Token = { ...laptop, id: 8, name: "ci", prefix: "ah_new1", expiresAt: "2026-03-01T00:00:00Z", lastUsedAt: null };

const rowOf = async (name: string) => within((await screen.findByRole("rowheader", { name })).closest("tr")!);

test("creating a token shows its text once, with Copy token, and lists it", async () => {
  const user = userEvent.setup();
  vi.stubGlobal("isSecureContext", true);
  const { fetch } = renderApp("/account", [
    { path: "/security/tokens", times: 1, body: [laptop, old] },
    { path: "/security/tokens", body: [ci, laptop, old] },
    {
      method: "POST",
      path: "/security/tokens",
      status: 201,
      body: { id: 8, name: "ci", userName: "alice", prefix: "ah_new1", token: "ah_new1SECRETSECRET", expiresAt: "2026-03-01T00:00:00Z", createdAt: "2026-01-30T00:00:00Z" },
    },
  ]);
  expect(await screen.findByRole("heading", { level: 1, name: "Account" })).toBeInTheDocument();
  await screen.findByRole("rowheader", { name: "laptop" });
  expect(screen.queryByRole("rowheader", { name: "ci" })).not.toBeInTheDocument();

  await user.type(screen.getByRole("textbox", { name: "Token name" }), "ci");
  await user.type(screen.getByRole("spinbutton", { name: "Expires in days" }), "30");
  await user.click(screen.getByRole("button", { name: "Create token" }));

  const text = await screen.findByLabelText("New token");
  expect(text).toHaveValue("ah_new1SECRETSECRET");
  expect(text).toHaveAttribute("readonly");
  expect(text).toHaveFocus(); // ready to copy
  expect(text).toHaveAccessibleDescription(/it will not be shown again/);
  await user.click(screen.getByRole("button", { name: "Copy token" }));
  expect(await navigator.clipboard.readText()).toBe("ah_new1SECRETSECRET");

  expect(sent(fetch, "POST", "/security/tokens").body).toEqual({ name: "ci", expiresInDays: 30 });
  expect(screen.getByRole("textbox", { name: "Token name" })).toHaveValue("");
  expect(await screen.findByRole("rowheader", { name: "ci" })).toBeInTheDocument();

  // Once: after "Done" the text is gone for good, and the focus is back where tokens are made.
  await user.click(screen.getByRole("button", { name: "Done" }));
  expect(screen.queryByLabelText("New token")).not.toBeInTheDocument();
  expect(screen.queryByDisplayValue("ah_new1SECRETSECRET")).not.toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "Token name" })).toHaveFocus();
});

test("without an expiry nothing is sent for it", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/account", [
    { path: "/security/tokens", body: [] },
    { method: "POST", path: "/security/tokens", status: 201, body: { id: 9, name: "x", userName: "alice", prefix: "ah_x", token: "ah_xyz", createdAt: "2026-01-30T00:00:00Z" } },
  ]);
  expect(await screen.findByText("You have no API tokens.")).toBeInTheDocument();
  await user.type(screen.getByRole("textbox", { name: "Token name" }), "x");
  await user.keyboard("{Enter}");
  expect(await screen.findByLabelText("New token")).toHaveValue("ah_xyz");
  expect(screen.getByText(/“x” never expires\./)).toBeInTheDocument();
  expect(sent(fetch, "POST", "/security/tokens").body).toEqual({ name: "x" });
});

test("validation errors appear next to their fields, and the focus goes to the first", async () => {
  const user = userEvent.setup();
  renderApp("/account", [
    { path: "/security/tokens", body: [] },
    {
      method: "POST",
      path: "/security/tokens",
      ...validationProblem({ Name: ["'Name' must not be empty."], ExpiresInDays: ["'Expires In Days' must be between 1 and 3650."] }),
    },
  ]);
  await screen.findByText("You have no API tokens.");
  await user.type(screen.getByRole("spinbutton", { name: "Expires in days" }), "9999");
  await user.click(screen.getByRole("button", { name: "Create token" }));

  const name = screen.getByRole("textbox", { name: "Token name" });
  await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
  expect(name).toHaveAccessibleDescription("'Name' must not be empty.");
  expect(name).toHaveFocus();
  const days = screen.getByRole("spinbutton", { name: "Expires in days" });
  expect(days).toHaveAttribute("aria-invalid", "true");
  expect(days).toHaveAccessibleDescription(/must be between 1 and 3650/);
  expect(screen.getAllByRole("alert")).toHaveLength(2);
  expect(screen.queryByLabelText("New token")).not.toBeInTheDocument();
});

test("a refusal that names no field is shown by the button", async () => {
  const user = userEvent.setup();
  renderApp("/account", [
    { path: "/security/tokens", body: [] },
    { method: "POST", path: "/security/tokens", ...problem(403, "Forbidden", "A scoped token cannot create tokens.") },
  ]);
  await screen.findByText("You have no API tokens.");
  await user.type(screen.getByRole("textbox", { name: "Token name" }), "x");
  await user.click(screen.getByRole("button", { name: "Create token" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("A scoped token cannot create tokens.");
  expect(screen.getByRole("button", { name: "Create token" }).parentElement).toContainElement(alert);
});

test("a change refused for a stale antiforgery token is sent again with a fresh one", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/account", [
    { path: "/security/tokens", body: [] },
    { method: "POST", path: "/security/tokens", times: 1, ...problem(400, "Antiforgery token missing or invalid", "A change made with the session cookie needs the token.") },
    { method: "POST", path: "/security/tokens", status: 201, body: { id: 9, name: "x", userName: "alice", prefix: "ah_x", token: "ah_xyz", createdAt: "2026-01-30T00:00:00Z" } },
  ]);
  await screen.findByText("You have no API tokens.");
  await user.type(screen.getByRole("textbox", { name: "Token name" }), "x");
  await user.click(screen.getByRole("button", { name: "Create token" }));
  expect(await screen.findByLabelText("New token")).toHaveValue("ah_xyz");
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  expect(calledPaths(fetch, "POST")).toEqual(["/security/tokens", "/security/tokens"]);
  expect(calledPaths(fetch, "GET", "/session/antiforgery")).toHaveLength(2); // at start, and again after the refusal
});

test("revoking asks first; Cancel and Escape keep the token, confirming revokes it", async () => {
  const user = userEvent.setup();
  const { fetch } = renderApp("/account", [
    { path: "/security/tokens", times: 1, body: [laptop, old] },
    { path: "/security/tokens", body: [{ ...laptop, revoked: true, revokedAt: "2026-02-01T00:00:00Z" }, old] },
    { method: "DELETE", path: "/security/tokens/7", status: 204 },
  ]);
  const row = await rowOf("laptop");
  expect(row.getByText("Active")).toBeInTheDocument();
  // a revoked token offers nothing to revoke
  const oldRow = await rowOf("old ci");
  expect(oldRow.getByText("Revoked")).toBeInTheDocument();
  expect(oldRow.queryByRole("button", { name: "Revoke" })).not.toBeInTheDocument();

  await user.click(row.getByRole("button", { name: "Revoke" }));
  const question = row.getByRole("group", { name: /Revoke “laptop”\?/ });
  expect(within(question).getByRole("button", { name: "Yes, revoke" })).toBeInTheDocument();
  expect(within(question).getByRole("button", { name: "Cancel" })).toHaveFocus(); // a second Enter does no harm
  await user.keyboard("{Enter}");
  expect(row.getByRole("button", { name: "Revoke" })).toHaveFocus();

  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.keyboard("{Escape}");
  expect(row.queryByRole("button", { name: "Yes, revoke" })).not.toBeInTheDocument();
  expect(row.getByRole("button", { name: "Revoke" })).toHaveFocus();
  expect(calledPaths(fetch, "DELETE")).toEqual([]);

  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.click(row.getByRole("button", { name: "Yes, revoke" }));
  // The button is gone with the confirmation: the focus goes to what happened.
  const done = await screen.findByRole("status");
  expect(done).toHaveTextContent("Revoked “laptop”.");
  expect(done).toHaveFocus();
  expect(await row.findByText("Revoked")).toBeInTheDocument();
  expect(calledPaths(fetch, "DELETE")).toEqual(["/security/tokens/7"]);
});

test("a failed revoke is shown in the token's row, and the focus is back on its button", async () => {
  const user = userEvent.setup();
  renderApp("/account", [
    { path: "/security/tokens", body: [laptop] },
    { method: "DELETE", path: "/security/tokens/7", ...problem(404, "Token not found", "There is no token 7 of yours.") },
  ]);
  const row = await rowOf("laptop");
  await user.click(row.getByRole("button", { name: "Revoke" }));
  await user.click(row.getByRole("button", { name: "Yes, revoke" }));
  expect(await row.findByRole("alert")).toHaveTextContent("Token not found: There is no token 7 of yours.");
  expect(row.getByRole("button", { name: "Revoke" })).toHaveFocus();
});

test("a signed-out visitor is sent to sign in", async () => {
  renderApp("/account", [], null);
  expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByTestId("location")).toHaveTextContent("/sign-in");
});

test("when the session has ended, the visitor is sent to sign in, told why, and brought back afterwards", async () => {
  const user = userEvent.setup();
  renderApp("/account", [
    { path: "/security/tokens", times: 1, status: 401, body: "authentication required" },
    { path: "/security/tokens", body: [laptop] },
    { method: "POST", path: "/session", body: { userName: "alice" } },
  ]);
  expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByText("Your session has ended: sign in again to go on.")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();

  await user.type(screen.getByLabelText("User name"), alice.userName);
  await user.type(screen.getByLabelText("Password"), "s3cret-password");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Account" })).toBeInTheDocument();
  expect(await screen.findByRole("rowheader", { name: "laptop" })).toBeInTheDocument();
  expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
});
