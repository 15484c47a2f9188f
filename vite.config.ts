import { defineConfig } from "vitest/config";

/** Library build (ESM, one file per module so bundlers can tree-shake) and the vitest setup. */
export default defineConfig({
  build: {
    lib: {
      entry: { index: "src/index.ts", "core/index": "src/core/index.ts", "testing/index": "src/testing/index.ts",
        "testing/react/index": "src/testing/react/index.ts",
        "testing/library/index": "src/testing/library/index.ts",
        "devtools/index": "src/devtools/index.ts",
      },
      formats: ["es"],
    },
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: "es2022",
    rollupOptions: {
      external: [/^react($|\/)/, /^@testing-library\//, /^react-dom($|\/)/, /^@tanstack\//, /^zustand($|\/)/, /^@microsoft\//, /^@opencode-ai\//],
      output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "test/compat/**", "node_modules/**"],
    environment: "node",
    testTimeout: 15000,
    pool: "forks",
  },
});
