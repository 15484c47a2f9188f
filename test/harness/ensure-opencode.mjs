#!/usr/bin/env node
// Installs an `opencode serve` binary (npm opencode-ai) on demand, OUTSIDE the project's lockfile
// and outside the clone. Why not a devDependency: opencode-ai lists a dozen per-platform
// optionalDependencies, and a registry mirror that lacks the foreign ones (as this workplace's
// does) writes a lockfile that `npm ci` then rejects as out of sync. A separate prefix per version
// keeps `npm ci` exact and each server version pinned.
//
// Where: `${XDG_CACHE_HOME:-~/.cache}/opencode-react/opencode-ai-<version>` (one folder per version,
// so a CI cache of that folder is reused across runs); env OPENCODE_CACHE_DIR replaces the parent.
// An older checkout's in-repo `.cache/opencode-ai-<version>` is used when it exists.
// Which version: env OPENCODE_VERSION, else the pinned DEFAULT_OPENCODE_VERSION.
//
// Usage: `node test/harness/ensure-opencode.mjs` prints the binary path of OPENCODE_VERSION;
// `node test/harness/ensure-opencode.mjs 1.2.27 1.14.41` installs those; `--lines` installs every
// line of the compatibility matrix (opencode-lines.mjs).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMPAT_LINES } from "./opencode-lines.mjs";

/** The server version every test, the demo and the main captures were made with. */
export const DEFAULT_OPENCODE_VERSION = "1.18.33";
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const VERSION_RE = /^\d+\.\d+\.\d+$/;

/**
 * The server version the harness starts: env OPENCODE_VERSION, else {@link DEFAULT_OPENCODE_VERSION}.
 * @returns {string}
 */
export function opencodeVersion() {
  const v = process.env.OPENCODE_VERSION?.trim();
  if (!v) return DEFAULT_OPENCODE_VERSION;
  if (!VERSION_RE.test(v)) throw new Error(`OPENCODE_VERSION must be x.y.z, got ${JSON.stringify(v)}`);
  return v;
}

/** Parent folder of the per-version installs (outside the clone). */
export function opencodeCacheDir() {
  if (process.env.OPENCODE_CACHE_DIR) return path.resolve(process.env.OPENCODE_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(xdg, "opencode-react");
}

/**
 * Install folder of one version: the in-repo legacy `.cache/opencode-ai-<v>` if it holds a binary,
 * else `<cache dir>/opencode-ai-<v>`.
 * @param {string} version
 */
export function opencodePrefix(version) {
  const legacy = path.join(REPO_ROOT, ".cache", `opencode-ai-${version}`);
  if (fs.existsSync(binIn(legacy))) return legacy;
  return path.join(opencodeCacheDir(), `opencode-ai-${version}`);
}

/** @param {string} prefix */
const binIn = (prefix) => path.join(prefix, "node_modules", ".bin", "opencode");

/**
 * Returns the path of the opencode binary of `version`, installing it first when missing
 * (`npm install opencode-ai@<version>` in its own prefix, ~185 MB, once per version and machine).
 * @param {string} [version] default {@link opencodeVersion}()
 * @returns {string}
 */
export function ensureOpencodeBinary(version = opencodeVersion()) {
  if (!VERSION_RE.test(version)) throw new Error(`not a version: ${JSON.stringify(version)}`);
  const prefix = opencodePrefix(version);
  const bin = binIn(prefix);
  if (fs.existsSync(bin)) return bin;
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, "package.json"), JSON.stringify({ private: true, name: "opencode-server-pin" }));
  process.stderr.write(`installing opencode-ai@${version} into ${prefix} (once)...\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `opencode-ai@${version}`], {
    cwd: prefix,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (!fs.existsSync(bin)) throw new Error(`opencode-ai@${version} installed but ${bin} is missing (no linux package for it?)`);
  return bin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const versions = args.includes("--lines") ? COMPAT_LINES.map((l) => l.version) : args.length ? args : [opencodeVersion()];
  for (const v of versions) console.log(ensureOpencodeBinary(v));
}
