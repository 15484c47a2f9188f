import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The example imports the library from the repository's sources (tsconfig paths), so the
 * bundler's root is the repository: React, TanStack Query and the library's dependencies resolve
 * from its node_modules, one copy each.
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
