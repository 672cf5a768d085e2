import { expect, test } from "vitest";
import { globMatches, mayOnRepository } from "../../api/browse";
import { goSumLines, hostOf, privatePrefixes } from "./goSetup";
import { splitModuleVersion } from "./paths";

test("GONOSUMDB prefixes: a host, or host/owner on the big public hosting sites", () => {
  expect(privatePrefixes(["example.com/a", "example.com/b/v2", "github.com/acme/x", "github.com/acme/y", "gitlab.com/team/z"])).toEqual([
    "example.com",
    "github.com/acme",
    "gitlab.com/team",
  ]);
  expect(privatePrefixes([])).toEqual([]);
});

test("go.sum lines hold the zip's and the go.mod's hash", () => {
  expect(goSumLines("example.com/m", "v1.0.0", "h1:a=", "h1:b=")).toEqual(["example.com/m v1.0.0 h1:a=", "example.com/m v1.0.0/go.mod h1:b="]);
  expect(goSumLines("example.com/m", "v1.0.0", null, "h1:b=")).toEqual(["example.com/m v1.0.0/go.mod h1:b="]);
});

test("the splat splits at the last '@'", () => {
  expect(splitModuleVersion("example.com/a/b")).toEqual({ module: "example.com/a/b" });
  expect(splitModuleVersion("example.com/a/b@v1.0.0-rc.1+meta")).toEqual({ module: "example.com/a/b", version: "v1.0.0-rc.1+meta" });
  expect(splitModuleVersion("example.com/a/")).toEqual({ module: "example.com/a" });
});

test(".netrc's machine is the host without the port", () => {
  expect(hostOf("https://ah.example.com:8443/repository/go/")).toBe("ah.example.com");
});

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
