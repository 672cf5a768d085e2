import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, expect, test, vi } from "vitest";
import { SessionProvider } from "../../auth/SessionContext";
import { adminRoutes } from "./routes";
import { mockFetch } from "../../test/fetchMock";
import { renderAdmin, sentBody } from "./testing";

// Typing is slow when the machine is busy (a server build beside the tests): more than the default 5 s per test.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => vi.unstubAllGlobals());

const linkNames = () =>
  within(screen.getByRole("list"))
    .getAllByRole("link")
    .map((a) => a.textContent);

test("an administrator sees every section", async () => {
  renderAdmin("/admin", []);
  expect(await screen.findByRole("heading", { level: 1, name: "Administration" })).toBeInTheDocument();
  expect(linkNames()).toEqual(["Repositories", "Users", "Roles", "Tokens", "Security settings", "Audit log"]);
  expect(screen.getByRole("link", { name: "Audit log" })).toHaveAttribute("href", "/admin/audit");
});

test("each section shows only with its privilege", async () => {
  renderAdmin("/admin", [], ["audit.read", "repository:*:read"]);
  await screen.findByRole("heading", { level: 1, name: "Administration" });
  expect(linkNames()).toEqual(["Audit log"]);
});

test("a signed-out visitor is sent to sign in", async () => {
  mockFetch([{ path: "/me", status: 401, body: "authentication required" }]);
  render(
    <MemoryRouter initialEntries={["/admin/users"]}>
      <SessionProvider>
        <Routes>
          {adminRoutes}
          <Route path="sign-in" element={<h1>Sign in</h1>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
  expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
});

test("security settings switch anonymous access", async () => {
  const { fetch } = renderAdmin("/admin/settings", [
    { path: "/security/settings", body: { anonymousAccess: true } },
    { method: "PUT", path: "/security/settings", body: { anonymousAccess: false } },
  ]);
  const box = await screen.findByRole("checkbox", { name: "Anonymous access" });
  expect(box).toBeChecked();
  await userEvent.click(box);
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(await screen.findByRole("status")).toHaveTextContent("Saved.");
  expect(sentBody(fetch, "PUT", "/security/settings")).toEqual({ anonymousAccess: false });
});
