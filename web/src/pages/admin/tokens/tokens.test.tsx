import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { Token } from "../../../api/admin";
import { callsTo, renderAdmin } from "../testing";

// Typing is slow when the machine is busy (a server build beside the tests): more than the default 5 s per test.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => vi.unstubAllGlobals());

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
  const { fetch } = renderAdmin("/admin/tokens", [
    { path: "/security/tokens?allUsers=true", body: tokens },
    { method: "DELETE", path: "/security/tokens/99", status: 204 },
  ]);
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
  expect(within(row).getByRole("alertdialog")).toHaveTextContent("Revoke token-99 of alice?");
  expect(callsTo(fetch, "DELETE", /.*/)).toHaveLength(0);
  await userEvent.click(within(row).getByRole("button", { name: "Yes, revoke" }));
  expect(await screen.findByRole("status")).toHaveTextContent("Revoked alice's token \u201ctoken-99\u201d.");
  expect(callsTo(fetch, "DELETE", /.*/).map(([u]) => String(u))).toEqual(["/api/v1/security/tokens/99"]);
  expect(callsTo(fetch, "GET", "/security/tokens?allUsers=true")).toHaveLength(2);
});
