#!/usr/bin/env node
// Installs the pinned `opencode serve` binary (npm opencode-ai) on demand, OUTSIDE the project's
// lockfile. Why not a devDependency: opencode-ai lists a dozen per-platform optionalDependencies,
// and a registry mirror that lacks the foreign ones (as this workplace's does) writes a lockfile
// that `npm ci` then rejects as out of sync. A separate prefix keeps `npm ci` exact and the server
// version pinned. Usage: `node test/harness/ensure-opencode.mjs` prints the binary path.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The server version every test, the demo and the captures were made with. */
export const OPENCODE_VERSION = "1.18.33";
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where the pinned server is installed (gitignored). */
export const OPENCODE_PREFIX = path.join(REPO_ROOT, ".cache", `opencode-ai-${OPENCODE_VERSION}`);
const BIN = path.join(OPENCODE_PREFIX, "node_modules", ".bin", "opencode");

/**
 * Returns the path of the pinned opencode binary, installing it first when missing
 * (`npm install --prefix .cache/opencode-ai-<version> opencode-ai@<version>`, ~185 MB, once).
 * @returns {string}
 */
export function ensureOpencodeBinary() {
  if (fs.existsSync(BIN)) return BIN;
  fs.mkdirSync(OPENCODE_PREFIX, { recursive: true });
  fs.writeFileSync(path.join(OPENCODE_PREFIX, "package.json"), JSON.stringify({ private: true, name: "opencode-server-pin" }));
  process.stderr.write(`installing opencode-ai@${OPENCODE_VERSION} into ${path.relative(REPO_ROOT, OPENCODE_PREFIX)} (once)...\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `opencode-ai@${OPENCODE_VERSION}`], {
    cwd: OPENCODE_PREFIX,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (!fs.existsSync(BIN)) throw new Error(`opencode-ai@${OPENCODE_VERSION} installed but ${BIN} is missing`);
  return BIN;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(ensureOpencodeBinary());
}
