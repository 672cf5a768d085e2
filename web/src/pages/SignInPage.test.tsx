import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, expect, test, vi } from "vitest";
import { SessionProvider } from "../auth/SessionContext";
import { SignInPage } from "./SignInPage";
import { mockFetch } from "../test/fetchMock";

afterEach(() => vi.unstubAllGlobals());

function renderSignIn() {
  return render(
    <MemoryRouter initialEntries={["/sign-in"]}>
      <SessionProvider>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/repositories" element={<h1>Repositories page</h1>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

test("a refused sign-in shows the server's words next to the form", async () => {
  mockFetch([
    { path: "/me", status: 401, body: "authentication required" },
    {
      method: "POST",
      path: "/session",
      status: 401,
      contentType: "application/problem+json",
      body: { title: "Sign-in failed", detail: "Unknown user name or wrong password." },
    },
  ]);
  renderSignIn();
  await userEvent.type(screen.getByLabelText("User name"), "admin");
  await userEvent.type(screen.getByLabelText("Password"), "wrong");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Unknown user name or wrong password.");
  expect(screen.queryByText("Repositories page")).not.toBeInTheDocument();
});

test("a missing password is shown next to the password field", async () => {
  mockFetch([
    { path: "/me", status: 401, body: "authentication required" },
    {
      method: "POST",
      path: "/session",
      status: 400,
      contentType: "application/problem+json",
      body: { title: "One or more validation errors occurred.", errors: { password: ["Give a user name and a password."] } },
    },
  ]);
  renderSignIn();
  await userEvent.type(screen.getByLabelText("User name"), "admin");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  const password = screen.getByLabelText("Password");
  expect(await screen.findByText("Give a user name and a password.")).toBeInTheDocument();
  expect(password).toHaveAttribute("aria-invalid", "true");
  expect(password).toHaveAccessibleDescription("Give a user name and a password.");
});

test("signing in sends the name and password, fetches the antiforgery token and goes to the repositories", async () => {
  let signedIn = false;
  const fetch = mockFetch([
    { path: "/me", status: 401, body: "authentication required" },
    { method: "POST", path: "/session", body: { userName: "admin", roles: ["admin"] } },
    { path: "/session/antiforgery", body: { token: "t0k3n", headerName: "X-XSRF-TOKEN" } },
  ]);
  fetch.mockImplementationOnce(async () => new Response("no", { status: 401 }));
  renderSignIn();
  // After the POST, /me answers as the signed-in user.
  fetch.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith("/session") && init?.method === "POST") {
      signedIn = true;
      return Response.json({ userName: "admin", roles: ["admin"] });
    }
    if (url.endsWith("/me") && signedIn) {
      return Response.json({ userName: "admin", roles: ["admin"], privileges: ["security.manage"] });
    }
    if (url.endsWith("/session/antiforgery")) {
      return Response.json({ token: "t0k3n", headerName: "X-XSRF-TOKEN" });
    }
    return new Response("no", { status: 401 });
  });
  await userEvent.type(screen.getByLabelText("User name"), "admin");
  await userEvent.type(screen.getByLabelText("Password"), "s3cret");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByText("Repositories page")).toBeInTheDocument();
  const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
  expect(JSON.parse(String(post?.[1]?.body))).toEqual({ userName: "admin", password: "s3cret" });
  expect(fetch.mock.calls.some(([url]) => String(url).endsWith("/session/antiforgery"))).toBe(true);
});
