#!/usr/bin/env node
// Packs the library the way npm publish would, then runs publint and arethetypeswrong on the
// tarball, so a broken "exports" map or unresolvable types fail `npm test`, not a user's build.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
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
  importPackedEntries(tarball);
  console.log("package check: publint and attw passed; the packed entries import and work");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Unpacks the tarball as node_modules/opencode-react under .tmp/ (so its dependencies resolve
 * from this repository's node_modules) and imports ".", "./core" and "./testing" by their
 * public names: a file missing from "files" or a broken "exports" path fails here.
 */
function importPackedEntries(tarball) {
  const root = join(".tmp", "pack-check");
  const target = join(root, "node_modules", "opencode-react");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  try {
    run("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
    const smoke = `
      const root = await import("opencode-react");
      const core = await import("opencode-react/core");
      const testing = await import("opencode-react/testing");
      const check = (ok, what) => { if (!ok) throw new Error("packed entry: " + what); };
      check(typeof root.useStream === "function" && typeof root.OpencodeProvider === "function", "opencode-react exports the hooks");
      check(typeof core.createOpencodeClient === "function", "opencode-react/core exports createOpencodeClient");
      check(typeof testing.createFakeOpencode === "function", "opencode-react/testing exports createFakeOpencode");
      const fake = testing.createFakeOpencode({ scenario: "hello" });
      const client = core.createOpencodeClient({ baseUrl: fake.baseUrl, fetch: fake.server.fetch });
      const health = await client.health();
      check(health.healthy === true, "a core client talks to the packed fake server");
      const session = fake.addSession();
      await fake.client.prompt(session.id, { text: "hello" });
      await fake.settled();
      const { items } = await fake.client.messages.list(session.id);
      check(items.length === 2, "the packed fake answers a prompt");
      fake.close();
    `;
    run(process.execPath, ["--input-type=module", "-e", smoke], { cwd: root });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
