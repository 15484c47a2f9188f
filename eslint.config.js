import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "storybook-static/**", "examples/**/dist/**", "examples/next/.next/**", "examples/next/next-env.d.ts", "**/runs/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core layer runs without React (Node, workers, other frameworks): no React import under src/core.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "zustand", message: "src/core uses zustand/vanilla: the bare entry is React's." }],
          patterns: [
            { group: ["react", "react/*", "react-dom", "react-dom/*", "@tanstack/react-query", "zustand/react", "**/react/**"], message: "src/core must not import React (or the React layer)." },
          ],
        },
      ],
    },
  },
);
