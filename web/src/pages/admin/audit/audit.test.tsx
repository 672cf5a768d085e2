import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import type { AuditEntry } from "../../../api/admin";
import { calledPaths, validationProblem, type FetchMock } from "../../../test/fetchMock";
import { admin, renderApp } from "../../../test/renderApp";

const entries = (page: number): AuditEntry[] =>
  Array.from({ length: page < 3 ? 50 : 20 }, (_, i) => ({
    id: 1000 - (page - 1) * 50 - i,
    time: "2026-03-01T10:00:00Z",
    actor: "alice",
    action: "token.create",
    target: `user-${page}-${i}`,
    succeeded: true,
    details: "token 1",
    remoteAddress: "10.0.0.1",
  }));

const auditPaths = (fetch: FetchMock) => calledPaths(fetch, "GET", /^\/audit/);

test("filters go into the query string, and the pager pages the server's list", async () => {
  const { fetch } = renderApp("/admin/audit", [
    { path: /^\/audit\?.*page=2/, body: { items: entries(2), page: 2, pageSize: 50, total: 120 } },
    { path: /^\/audit\?/, body: { items: entries(1), page: 1, pageSize: 50, total: 120 } },
  ], admin());
  expect(await screen.findByRole("heading", { level: 1, name: "Audit log" })).toBeInTheDocument();
  expect(await screen.findByText("user-1-0")).toBeInTheDocument();
  expect(auditPaths(fetch)).toEqual(["/audit?page=1&pageSize=50"]);

  await userEvent.type(screen.getByRole("textbox", { name: "Actor" }), "alice");
  await userEvent.type(screen.getByRole("textbox", { name: "Action" }), "token.");
  await userEvent.type(screen.getByRole("textbox", { name: "Target" }), "go-hosted/");
  await userEvent.type(screen.getByLabelText("From"), "2026-03-01T09:30");
  await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));

  const from = new Date("2026-03-01T09:30").toISOString();
  await waitFor(() => expect(auditPaths(fetch)).toHaveLength(2));
  const query = new URLSearchParams(auditPaths(fetch)[1].split("?")[1]);
  expect(Object.fromEntries(query)).toEqual({ actor: "alice", action: "token.", target: "go-hosted/", from, page: "1", pageSize: "50" });
  expect(screen.getByTestId("location")).toHaveTextContent("actor=alice");

  const pager = screen.getByRole("navigation", { name: "Audit pages" });
  expect(pager).toHaveTextContent("Page 1 of 3 (120)");
  await userEvent.click(screen.getByRole("button", { name: "Next" }));
  expect(await screen.findByText("user-2-0")).toBeInTheDocument();
  expect(screen.getByRole("navigation", { name: "Audit pages" })).toHaveTextContent("Page 2 of 3 (120)");
  const second = new URLSearchParams(auditPaths(fetch)[2].split("?")[1]);
  expect(second.get("page")).toBe("2");
  expect(second.get("actor")).toBe("alice");
  expect(second.get("from")).toBe(from);
  expect(screen.getByRole("textbox", { name: "Actor" })).toHaveValue("alice");
  expect(screen.getByRole("button", { name: "Previous" })).toBeEnabled();
});

test("a refused filter is shown beside its field", async () => {
  renderApp("/admin/audit?from=2026-03-02T00:00&to=2026-03-01T00:00", [
    { path: /^\/audit\?/, ...validationProblem({ from: ["from must not be after to."] }) },
  ], admin());
  const from = await screen.findByLabelText("From");
  await waitFor(() => expect(from).toHaveAttribute("aria-invalid", "true"));
  expect(from).toHaveAccessibleDescription("from must not be after to.");
  expect(from).toHaveValue("2026-03-02T00:00");
});

test("without audit.read the page says what it needs", async () => {
  renderApp("/admin/audit", [], admin(["repositories.manage"]));
  expect(await screen.findByText(/needs the privilege/)).toHaveTextContent("audit.read");
});
