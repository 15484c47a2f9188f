import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Storybook's Vite config: React, and the package names resolved to the source. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^opencode-react$/, replacement: here("../src/index.ts") },
      { find: /^opencode-react\/core$/, replacement: here("../src/core/index.ts") },
      { find: /^opencode-react\/testing$/, replacement: here("../src/testing/index.ts") },
      { find: /^opencode-react\/testing\/react$/, replacement: here("../src/testing/react/index.ts") },
      { find: /^opencode-react\/devtools$/, replacement: here("../src/devtools/index.ts") },
    ],
  },
  cacheDir: here("../node_modules/.vite/storybook"),
});
