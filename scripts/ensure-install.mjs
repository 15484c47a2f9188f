#!/usr/bin/env node
// Installs a side project that has its own package.json + package-lock.json (the React 18 leg in
// test/react18, the Next.js example in examples/next) with `npm ci`, when its node_modules is
// missing or older than its lockfile. Kept outside the root lockfile on purpose: a second React
// would clash with the root's, and next's per-platform optional packages (@next/swc-*) can make a
// lockfile that `npm ci` rejects on another platform.
// Usage: `node scripts/ensure-install.mjs test/react18 [examples/next ...]`
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node scripts/ensure-install.mjs <dir> [dir ...]");
  process.exit(2);
}
for (const dir of dirs) {
  const lock = path.join(dir, "package-lock.json");
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  if (!fs.existsSync(lock)) throw new Error(`${lock} is missing: run npm install in ${dir} once and commit the lockfile`);
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) continue;
  process.stderr.write(`installing ${dir} (npm ci)...\n`);
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
}
