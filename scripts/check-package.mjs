#!/usr/bin/env node
// Packs the library the way npm publish would, then runs publint and arethetypeswrong on the
// tarball, so a broken "exports" map or unresolvable types fail `npm test`, not a user's build.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: "inherit", ...opts });
const dir = mkdtempSync(join(tmpdir(), "opencode-react-pack-"));
try {
  run("npm", ["run", "build", "--silent"]);
  run("node", ["scripts/check-dist.mjs"]);
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { encoding: "utf8" });
  const [info] = JSON.parse(out);
  const tarball = join(dir, info.filename);
  console.log(`packed ${info.filename}: ${info.entryCount} files, ${(statSync(tarball).size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`);
  run("npx", ["--no-install", "publint", "run", tarball, "--strict"]);
  // esm-only by design: the CommonJS resolution modes are expected to be unsupported.
  run("npx", ["--no-install", "attw", tarball, "--profile", "esm-only"]);
  console.log("package check: publint and attw passed");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
