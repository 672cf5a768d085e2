import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test, vi } from "vitest";
import { problem } from "../../test/fetchMock";
import { group, hosted, proxy, rawGroup, rawHosted, rawProxy } from "../../test/fixtures";
import { renderApp } from "../../test/renderApp";

test("the list shows each repository with its type, URL and copy button, state, module count and storage used", async () => {
  renderApp("/repositories", [{ path: "/repositories", body: [group, hosted, proxy] }]);
  expect(await screen.findByRole("heading", { level: 1, name: "Repositories" })).toBeInTheDocument();

  const hostedRow = (await screen.findByRole("link", { name: "go-hosted" })).closest("tr")!;
  const row = within(hostedRow);
  expect(row.getByText("Hosted")).toBeInTheDocument();
  expect(row.getByText("http://localhost:8081/repository/go-hosted/")).toBeInTheDocument();
  expect(row.getByRole("button", { name: "Copy URL" })).toBeInTheDocument();
  expect(row.getByText("Online")).toBeInTheDocument();
  expect(row.getByRole("cell", { name: "3" })).toBeInTheDocument();
  expect(row.getByRole("cell", { name: "1.5 KiB" })).toBeInTheDocument();

  const proxyRow = within(screen.getByRole("link", { name: "go-proxy" }).closest("tr")!);
  expect(proxyRow.getByRole("cell", { name: "12" })).toBeInTheDocument();
  expect(proxyRow.getByRole("cell", { name: "5.0 MiB" })).toBeInTheDocument();

  // A group holds nothing itself: its members are counted instead, and it may be offline.
  const groupRow = within(screen.getByRole("link", { name: "go-group" }).closest("tr")!);
  expect(groupRow.getByText("Group")).toBeInTheDocument();
  expect(groupRow.getByText("Offline")).toBeInTheDocument();
  expect(groupRow.getByText("2 members")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "go-hosted" })).toHaveAttribute("href", "/repositories/go-hosted");
});

test("Copy URL puts the repository's URL on the clipboard", async () => {
  const user = userEvent.setup();
  vi.stubGlobal("isSecureContext", true);
  renderApp("/repositories", [{ path: "/repositories", body: [hosted] }]);
  await user.click(await screen.findByRole("button", { name: "Copy URL" }));
  expect(await navigator.clipboard.readText()).toBe("http://localhost:8081/repository/go-hosted/");
  expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Copy URL" })).toHaveTextContent("Copied");
});

test("a page of copy buttons has one place that announces a copy, not one per button", async () => {
  const user = userEvent.setup();
  vi.stubGlobal("isSecureContext", true);
  renderApp("/repositories", [{ path: "/repositories", body: [group, hosted, proxy] }]);
  const buttons = await screen.findAllByRole("button", { name: "Copy URL" });
  expect(buttons).toHaveLength(3);
  await user.click(buttons[0]);
  await user.click(buttons[2]);
  expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();
  expect(document.querySelectorAll("[aria-live]")).toHaveLength(1);
});

test("no readable repositories is said", async () => {
  renderApp("/repositories", [{ path: "/repositories", body: [] }]);
  expect(await screen.findByText("There are no repositories you may read.")).toBeInTheDocument();
});

test("a failed load shows the server's words", async () => {
  renderApp("/repositories", [
    { path: "/repositories", ...problem(500, "Database down", "try later") },
  ]);
  expect(await screen.findByRole("alert")).toHaveTextContent("Database down: try later");
});

test("a raw repository's row counts its files; the column says what it counts", async () => {
  renderApp("/repositories", [{ path: "/repositories", body: [hosted, rawHosted, rawGroup] }]);
  const rawRow = within((await screen.findByRole("link", { name: "raw-hosted" })).closest("tr")!);
  expect(rawRow.getByText("raw")).toBeInTheDocument();
  expect(rawRow.getByRole("cell", { name: "4" })).toBeInTheDocument();
  expect(rawRow.getByRole("cell", { name: "3.0 MiB" })).toBeInTheDocument();
  expect(rawRow.getByText("http://localhost:8081/repository/raw-hosted/")).toBeInTheDocument();
  expect(within(screen.getByRole("link", { name: "raw-group" }).closest("tr")!).getByText("2 members")).toBeInTheDocument();
  expect(within(screen.getByRole("link", { name: "go-hosted" }).closest("tr")!).getByRole("cell", { name: "3" })).toBeInTheDocument();
  expect(screen.getByRole("columnheader", { name: "Modules / files" })).toBeInTheDocument();
});

test("the count column is Modules for Go repositories only, Files for raw ones only", async () => {
  const { unmount } = renderApp("/repositories", [{ path: "/repositories", body: [hosted, proxy] }]);
  expect(await screen.findByRole("columnheader", { name: "Modules" })).toBeInTheDocument();
  unmount();
  renderApp("/repositories", [{ path: "/repositories", body: [rawHosted, rawProxy] }]);
  expect(await screen.findByRole("columnheader", { name: "Files" })).toBeInTheDocument();
  expect(within(screen.getByRole("link", { name: "raw-proxy" }).closest("tr")!).getByRole("cell", { name: "7" })).toBeInTheDocument();
});
