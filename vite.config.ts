import { defineConfig } from "vitest/config";

/**
 * The built files that carry "use client": the root entry and the React bindings, but not the
 * framework-free cache patchers under react/cache/ (opencode-react/query re-exports
 * flattenMessagePages from there, and a server component must be able to call it).
 */
export function isClientModule(fileName: string): boolean {
  return fileName === "index.js" || (fileName.startsWith("react/") && !fileName.startsWith("react/cache/"));
}

/** Library build (ESM, one file per module so bundlers can tree-shake) and the vitest setup. */
export default defineConfig({
  build: {
    lib: {
      entry: {
        index: "src/index.ts",
        "core/index": "src/core/index.ts",
        "query/index": "src/query/index.ts",
        "testing/index": "src/testing/index.ts",
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
      output: {
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
        // Rollup drops module-level directives, so the React entry's files get theirs back here: a
        // server component can then render <OpencodeProvider> (a client boundary). core/, query/
        // and testing/ stay plain modules, importable on the server.
        banner: (chunk) => (isClientModule(chunk.fileName) ? '"use client";' : ""),
      },
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
