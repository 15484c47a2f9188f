import { defineConfig } from "vitest/config";

/**
 * End-to-end tests against a real `opencode serve` (see test/harness/README.md):
 * `npx vitest run -c vitest.e2e.config.ts`.
 * One file at a time: each file starts its own server (~0.4-0.65 GB RSS) and the machine has 2 cores.
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    // Startup ~2 s, first turn in a directory ~1.5-3 s, retried turns back off for seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 15_000,
  },
});
