import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { problem, sent, validationProblem } from "../test/fetchMock";
import { renderApp } from "../test/renderApp";

test("a refused sign-in shows the server's words next to the form", async () => {
  renderApp("/sign-in", [{ method: "POST", path: "/session", ...problem(401, "Sign-in failed", "Unknown user name or wrong password.") }], null);
  await userEvent.type(await screen.findByLabelText("User name"), "admin");
  await userEvent.type(screen.getByLabelText("Password"), "wrong");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Unknown user name or wrong password.");
  expect(screen.getByRole("button", { name: "Sign in" }).parentElement).toContainElement(alert);
  // a wrong password is no ended session: the visitor stays, and is not told their session ended
  expect(screen.getByTestId("location")).toHaveTextContent(/^\/sign-in$/);
  expect(screen.queryByText(/session has ended/)).not.toBeInTheDocument();
});

test("a missing password is shown next to the password field, which takes the focus", async () => {
  renderApp("/sign-in", [{ method: "POST", path: "/session", ...validationProblem({ password: ["Give a user name and a password."] }) }], null);
  await userEvent.type(await screen.findByLabelText("User name"), "admin");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  const password = screen.getByLabelText("Password");
  expect(await screen.findByText("Give a user name and a password.")).toBeInTheDocument();
  expect(password).toHaveAttribute("aria-invalid", "true");
  expect(password).toHaveAccessibleDescription("Give a user name and a password.");
  expect(password).toHaveFocus();
});

test("signing in sends the name and password, goes to the repositories, and changes then carry the antiforgery token", async () => {
  const me = { userName: "admin", roles: ["admin"], privileges: ["security.manage"] };
  const { fetch } = renderApp(
    "/sign-in",
    [
      { path: "/me", times: 1, status: 401, body: "authentication required" },
      { path: "/me", body: me },
      { path: "/session/antiforgery", body: { token: "t0k3n", headerName: "X-XSRF-TOKEN" } },
      { method: "POST", path: "/session", body: { userName: "admin" } },
      { path: "/repositories", body: [] },
      { method: "DELETE", path: "/session", status: 204 },
    ],
    null,
  );
  await userEvent.type(await screen.findByLabelText("User name"), "admin");
  await userEvent.type(screen.getByLabelText("Password"), "s3cret");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Repositories" })).toBeInTheDocument();
  expect(screen.getByText("admin")).toBeInTheDocument(); // who is signed in, in the header
  expect(sent(fetch, "POST", "/session").body).toEqual({ userName: "admin", password: "s3cret" });

  await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
  expect(await screen.findByRole("link", { name: "Sign in" })).toBeInTheDocument();
  expect(sent(fetch, "DELETE", "/session").headers["X-XSRF-TOKEN"]).toBe("t0k3n");
});

test("a sign-out the server does not answer keeps the visitor signed in, and says so by the button", async () => {
  renderApp("/repositories", [
    { path: "/repositories", body: [] },
    { method: "DELETE", path: "/session", ...problem(503, "Service unavailable", "The database is down.") },
  ]);
  await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Could not sign out: Service unavailable: The database is down.");
  expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
});
