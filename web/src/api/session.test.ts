import { expect, test } from "vitest";
import { globMatches, mayOnRepository } from "./session";

test("repository privileges decide like the server's: globs, admin includes write, a token's scope narrows", () => {
  expect(globMatches("go-*", "go-hosted")).toBe(true);
  expect(globMatches("go-?", "go-ab")).toBe(false);
  expect(globMatches("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).toBe(false);
  const me = { userName: "a", roles: [], privileges: ["repository:go-*:admin"] };
  expect(mayOnRepository(me, "go-hosted", "write")).toBe(true);
  expect(mayOnRepository(me, "team-a", "write")).toBe(false);
  expect(mayOnRepository({ ...me, privileges: ["repository:*:read"] }, "go-hosted", "write")).toBe(false);
  expect(mayOnRepository({ ...me, token: { id: 1, scope: ["repository:go-hosted:read"] } }, "go-hosted", "write")).toBe(false);
  expect(mayOnRepository(null, "go-hosted", "read")).toBe(false);
});
