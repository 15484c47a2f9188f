import { defineConfig } from "vitest/config";
import { COMPAT_LINES } from "./test/harness/opencode-lines.mjs";

/**
 * The compatibility subset (test/compat/) against the newest patch of every certified server line:
 * one vitest project per line, each starting its own server once (`npm run test:compat`).
 * Projects run one after the other (each server is ~0.5 GB and the machine has 2 cores).
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    maxWorkers: 1,
    projects: COMPAT_LINES.map(({ line, version }) => ({
      test: {
        name: `opencode-${line}`,
        include: ["test/compat/**/*.test.ts"],
        environment: "node",
        pool: "forks",
        env: { OPENCODE_COMPAT_VERSION: version },
        // Upper bounds for a loaded 2-core machine (server start took up to ~30 s there).
        testTimeout: 180_000,
        hookTimeout: 150_000,
        teardownTimeout: 15_000,
      },
    })),
  },
});
