// Jest runs docs/testing.md's Jest recipe (test/jest/*.jest.tsx): TypeScript and JSX through
// @swc/jest (to CommonJS), jsdom with fetch and streams (test/jest/environment.cjs).
module.exports = {
  rootDir: __dirname,
  testMatch: ["<rootDir>/test/jest/**/*.jest.tsx"],
  testEnvironment: "<rootDir>/test/jest/environment.cjs",
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } }, module: { type: "commonjs" } }],
  },
  // ESM-only packages the sources use are transformed too.
  transformIgnorePatterns: ["/node_modules/(?!(@opencode-ai)/)"],
};
