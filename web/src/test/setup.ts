import "@testing-library/jest-dom/vitest";
import { afterEach, vi } from "vitest";
import { cleanup } from "@testing-library/react";
import { resetAnnouncer } from "../components/announce";

afterEach(() => {
  cleanup();
  resetAnnouncer();
  vi.unstubAllGlobals();
});
