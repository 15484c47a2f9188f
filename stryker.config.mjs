// Mutation testing (StrykerJS): `npm run test:mutation`. Not part of `npm test` (too slow for
// 2 cores). Narrow a run: MUTATION_TESTS="test/core/http-*.test.ts" npm run test:mutation -- --mutate "src/core/http/**/*.ts"
// (vitest.mutation.config.ts picks the tests: the unit tests of the mutated layers).
// The incremental file lets a rerun test only the mutants whose code or tests changed.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  mutate: [
    "src/core/reply/**/*.ts",
    "src/core/events/**/*.ts",
    "src/core/http/**/*.ts",
    "src/react/cache/**/*.ts",
    "!src/**/index.ts",
    "!src/**/*types.ts",
  ],
  coverageAnalysis: "perTest",
  checkers: [],
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 1,
  timeoutMS: 10000,
  dryRunTimeoutMinutes: 30,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
