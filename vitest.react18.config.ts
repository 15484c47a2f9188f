import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The React 18 leg: the hook and stream suites (test/react) against React 18.3, installed apart in
 * test/react18 (scripts/ensure-react18.mjs) so the root lockfile keeps one React. Every package
 * that imports React is aliased to that install, so react-dom, TanStack Query, zustand and
 * Testing Library all resolve the same React 18 copy. Every test of those suites runs here (none
 * is skipped for React 19-only scheduling: the tests compare what a user sees).
 * `node scripts/ensure-react18.mjs && npx vitest run -c vitest.react18.config.ts`
 */
const react18 = fileURLToPath(new URL("./test/react18/node_modules/", import.meta.url));
const aliased = ["react", "react-dom", "@tanstack/react-query", "zustand", "@testing-library/react"];
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export default defineConfig({
  resolve: {
    alias: aliased.map((name) => ({ find: new RegExp(`^${escape(name)}(/.*)?$`), replacement: `${react18}${name}$1` })),
  },
  test: {
    // hooks-strictmode-roots: the issue-12 StrictMode regression against a real server (it starts
    // its own `opencode serve`; the script runs ensure-opencode first).
    include: ["test/react/**/*.test.ts", "test/react/**/*.test.tsx", "test/surface/**/*.react.test.tsx", "test/e2e/hooks-strictmode-roots.test.tsx"],
    env: { OPENCODE_REACT_EXPECT_MAJOR: "18" },
    environment: "node",
    testTimeout: 15000,
    // The real server's startup (beforeAll) takes seconds on two busy cores.
    hookTimeout: 60000,
    pool: "forks",
  },
});
