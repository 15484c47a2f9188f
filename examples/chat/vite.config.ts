import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The chat demo's Vite config. It runs the package from SOURCE: "opencode-react" is aliased to
 * src/index.ts, so no build is needed and edits to the hooks hot-reload. The `/opencode` proxy
 * (with the server-side Authorization header) is added by scripts/start-demo.mjs, which knows the
 * server; `npx vite examples/chat` alone serves the UI without a backend.
 */
export default defineConfig({
  root: here("."),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^opencode-react$/, replacement: here("../../src/index.ts") },
      { find: /^opencode-react\/core$/, replacement: here("../../src/core/index.ts") },
      { find: /^opencode-react\/devtools$/, replacement: here("../../src/devtools/index.ts") },
    ],
  },
  // One cache for the repo instead of a node_modules/ folder inside the example.
  cacheDir: here("../../node_modules/.vite/chat-demo"),
  server: {
    host: "127.0.0.1",
    // The aliased source lives two levels up.
    fs: { allow: [here("../..")] },
  },
  // Pre-bundled at startup, so the first page load is not interrupted by a dependency reload.
  optimizeDeps: {
    include: ["react", "react-dom/client", "react/jsx-runtime", "react/jsx-dev-runtime", "@tanstack/react-query", "zustand", "zustand/vanilla", "zustand/shallow", "zustand/react/shallow", "@microsoft/fetch-event-source"],
  },
  clearScreen: false,
});
