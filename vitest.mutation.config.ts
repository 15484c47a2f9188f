import { defineConfig } from "vitest/config";
import base from "./vite.config";

/**
 * The tests mutation testing runs (stryker.config.mjs): the unit tests of the mutated layers,
 * not the whole suite (on 2 cores a mutant that every hook test covers would take minutes).
 * `MUTATION_TESTS` (comma-separated globs) narrows it further for a partial run, e.g.
 * MUTATION_TESTS="test/core/http-*.test.ts,test/core/api-*.test.ts".
 */
const layerTests = [
  "test/core/http-*.test.ts",
  "test/core/api-*.test.ts",
  "test/core/client-*.test.ts",
  "test/core/config-*.test.ts",
  "test/core/reply-*.test.ts",
  "test/core/store-*.test.ts",
  "test/core/feed-*.test.ts",
  "test/core/sse-*.test.ts",
  "test/core/decode-*.test.ts",
  "test/core/route.test.ts",
  "test/react/cache-*.test.ts",
  "test/react/cache-*.test.tsx",
  "test/react/live-cache.test.tsx",
  "test/react/use-*.test.tsx",
  "test/react/query-options.test.tsx",
];
const chosen = process.env.MUTATION_TESTS?.split(",").map((glob) => glob.trim()).filter((glob) => glob !== "");

// Spread, not mergeConfig: that would append to the base include instead of replacing it.
export default defineConfig({ ...base, test: { ...base.test, include: chosen !== undefined && chosen.length > 0 ? chosen : layerTests } });
