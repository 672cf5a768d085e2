/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The UI lives under /ui/ on the server; `npm run build` writes it into the server's wwwroot (no CDN: every asset is
// bundled and served by ArtifactHub). `npm run dev` proxies the API to a server on localhost:8081.
export default defineConfig({
  base: "/ui/",
  plugins: [react()],
  build: {
    outDir: "../src/ArtifactHub.Server/wwwroot",
    emptyOutDir: true,
    // One small bundle; no source maps shipped to users.
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": "http://localhost:8081",
      "/repository": "http://localhost:8081",
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    // Typing is slow when the machine is busy (a server build beside the tests): more than the default 5 s per test.
    testTimeout: 20_000,
  },
});
