#!/usr/bin/env node
// Checks the built dist/ and the packed file list (called by check-package.mjs after the build):
// - the root entry and the React bindings start with "use client", the server-safe entries
//   (core, query, testing, react/cache) do not;
// - dist/query and dist/core import under Node's `react-server` condition (a server component);
// - the package ships no test files, and every sourcemap points at a shipped source file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const failures = [];
const fail = (message) => failures.push(message);
const jsFiles = (dir) =>
  fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".js")).map((f) => path.join(dir, f).split(path.sep).join("/"));

const files = jsFiles("dist");
for (const file of files) {
  const rel = file.slice("dist/".length);
  const client = rel === "index.js" || (rel.startsWith("react/") && !rel.startsWith("react/cache/"));
  const first = fs.readFileSync(file, "utf8").split("\n", 1)[0];
  const hasDirective = /^["']use client["'];?$/.test(first);
  if (client && !hasDirective) fail(`${file} must start with "use client" (first line: ${first.slice(0, 60)})`);
  if (!client && hasDirective) fail(`${file} must not be a client module (it is importable on the server)`);
}
console.log(`dist: "use client" on ${files.filter((f) => f === "dist/index.js" || (f.startsWith("dist/react/") && !f.startsWith("dist/react/cache/"))).length} files of the React entry`);

for (const entry of ["./dist/query/index.js", "./dist/core/index.js"]) {
  try {
    execFileSync(process.execPath, ["--conditions=react-server", "--input-type=module", "-e", `await import(${JSON.stringify(entry)})`], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    fail(`${entry} does not load under the react-server condition: ${String(error.stderr ?? error).split("\n").find((l) => /Error/.test(l))}`);
  }
}
console.log("dist: query and core load under the react-server condition");

const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { encoding: "utf8" }))[0].files.map((f) => f.path);
const shipped = new Set(packed);
for (const file of packed) {
  if (/(^|\/)(test|__tests__)\/|\.test\.[cm]?[jt]sx?$|\.stories\.[jt]sx?$/.test(file)) fail(`the package ships a test file: ${file}`);
  if (!file.endsWith(".map")) continue;
  const map = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const source of map.sources ?? []) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), map.sourceRoot ?? "", source));
    if (!shipped.has(target)) fail(`${file} points at ${target}, which the package does not ship`);
  }
}
console.log(`pack: ${packed.length} files, no test files, every sourcemap source shipped`);

if (failures.length > 0) {
  for (const message of failures) console.error(`check-dist: ${message}`);
  process.exit(1);
}
