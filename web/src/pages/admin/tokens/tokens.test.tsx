import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import type { Token } from "../../../api/tokens";
import { calledPaths } from "../../../test/fetchMock";
import { admin, renderApp } from "../../../test/renderApp";

const tokens: Token[] = Array.from({ length: 30 }, (_, i) => ({
  id: 100 - i,
  name: `token-${100 - i}`,
  userName: i % 3 === 0 ? "ci-bot" : "alice",
  prefix: `ahp_${i}`,
  scope: i === 0 ? ["repository:go-*:write"] : null,
  createdAt: "2026-01-01T00:00:00Z",
  expiresAt: null,
  lastUsedAt: null,
  revoked: i === 29,
  revokedAt: i === 29 ? "2026-02-01T00:00:00Z" : null,
}));

test("every user's tokens, paged here; revoke asks first", async () => {
  const { fetch } = renderApp("/admin/tokens", [
    { path: "/security/tokens?allUsers=true", times: 1, body: tokens },
    { path: "/security/tokens?allUsers=true", body: tokens.map((t) => (t.id === 99 ? { ...t, revoked: true, revokedAt: "2026-03-01T00:00:00Z" } : t)) },
    { method: "DELETE", path: "/security/tokens/99", status: 204 },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Tokens" })).toBeInTheDocument();
  expect(await screen.findByText("token-100")).toBeInTheDocument();
  expect(screen.getByText("repository:go-*:write")).toBeInTheDocument();
  // 29 not revoked: 25 on the first page.
  expect(screen.getAllByRole("button", { name: "Revoke" })).toHaveLength(25);
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  expect(screen.getAllByRole("button", { name: "Revoke" })).toHaveLength(4);
  expect(screen.queryByText("token-71")).not.toBeInTheDocument(); // revoked: hidden unless asked for
  await userEvent.click(screen.getByRole("checkbox", { name: "Show revoked tokens" }));
  expect(screen.getByRole("navigation", { name: "Token pages" })).toHaveTextContent("Page 1 of 2 (30)");

  await userEvent.type(screen.getByRole("searchbox", { name: "Filter by user" }), "ci-bot");
  expect(screen.queryByText("token-99")).not.toBeInTheDocument();
  await userEvent.clear(screen.getByRole("searchbox", { name: "Filter by user" }));

  const row = screen.getByText("token-99").closest("tr")!;
  await userEvent.click(within(row).getByRole("button", { name: "Revoke" }));
  expect(within(row).getByRole("group", { name: "Revoke token-99 of alice? Anything using it stops working." })).toBeInTheDocument();
  expect(calledPaths(fetch, "DELETE")).toHaveLength(0);
  await userEvent.click(within(row).getByRole("button", { name: "Yes, revoke" }));
  const done = await screen.findByRole("status");
  expect(done).toHaveTextContent("Revoked alice's token \u201ctoken-99\u201d.");
  expect(done).toHaveFocus(); // its row is gone: the focus goes to what happened
  expect(calledPaths(fetch, "DELETE")).toEqual(["/security/tokens/99"]);
  // (revoked tokens are shown: asked for above) its row says since when
  await waitFor(() => expect(screen.getByRole("rowheader", { name: "token-99" }).closest("tr")).toHaveTextContent(/Revoked \d/));
});
