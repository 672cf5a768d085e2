import { expect, test } from "vitest";
import { goSumLines, hostOf, privatePrefixes } from "./goSetup";

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

test(".netrc's machine is the host without the port", () => {
  expect(hostOf("https://ah.example.com:8443/repository/go/")).toBe("ah.example.com");
});
