import { expect, test } from "vitest";
import { modulePath, splitModuleVersion, versionPath } from "./paths";

test("a module path is encoded segment by segment: its slashes stay, an '@', '+', space or '%' does not", () => {
  expect(modulePath("go-hosted", "example.com/Big Co/a+b@c%d")).toBe("/repositories/go-hosted/modules/example.com/Big%20Co/a%2Bb%40c%25d");
  expect(versionPath("go-hosted", "example.com/Tool", "v2.0.0+incompatible")).toBe(
    "/repositories/go-hosted/modules/example.com/Tool@v2.0.0%2Bincompatible",
  );
});

test("a page path splits at its last raw '@', and each side is decoded", () => {
  expect(splitModuleVersion("example.com/a/b")).toEqual({ module: "example.com/a/b" });
  expect(splitModuleVersion("example.com/a/b@v1.0.0-rc.1%2Bmeta")).toEqual({ module: "example.com/a/b", version: "v1.0.0-rc.1+meta" });
  expect(splitModuleVersion("example.com/a/")).toEqual({ module: "example.com/a" });
  // an '@' of the module path itself comes encoded, so it is not taken for the separator
  const path = versionPath("r", "example.com/x@y/Big Co", "v1.0.0").split("/modules/")[1];
  expect(splitModuleVersion(path)).toEqual({ module: "example.com/x@y/Big Co", version: "v1.0.0" });
  expect(splitModuleVersion(modulePath("r", "example.com/x@y").split("/modules/")[1])).toEqual({ module: "example.com/x@y" });
});
