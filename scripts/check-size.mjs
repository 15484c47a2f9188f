#!/usr/bin/env node
// Size budget: each entry's own code (every export kept), bundled and minified with esbuild,
// then gzipped. React, TanStack Query, zustand, fetch-event-source and the OpenCode SDK (types
// only) are external: a user's app has them anyway. Prints the figures against the targets of
// issue 12 (root 15 kB, core 10 kB min+gz). `max` fails the run when exceeded; it stays null
// until the code is under target (the reply core is being rewritten smaller), then it becomes
// the target. It also prints what typical apps ship (tree-shaken), and FAILS when a bundle keeps a
// run-time import other than those externals (the SDK must stay type-only, or the figures lie).
// `node scripts/check-size.mjs` (part of `npm test`); `--json` prints JSON too.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

/** Entry -> target and failing limit in bytes (min+gz); null = none. */
const BUDGETS = {
  "opencode-react": { file: "src/index.ts", target: 15 * 1024, max: null },
  "opencode-react/core": { file: "src/core/index.ts", target: 10 * 1024, max: null },
  "opencode-react/query": { file: "src/query/index.ts", target: null, max: null },
};
const EXTERNAL = ["react", "react-dom", "react/*", "@tanstack/*", "zustand", "zustand/*", "@microsoft/fetch-event-source", "@opencode-ai/sdk", "@opencode-ai/sdk/*"];

/**
 * What an app that imports a few names ships (tree-shaken, printed only): the whole-entry figures
 * above count every export, which no app uses at once.
 */
const APPS = {
  "chat app (provider, client, useSessions, useChat)": 'export { OpencodeProvider, createOpencodeClient, useSessions, useChat } from "./src/index.ts";',
  "stream app (provider, client, useSessions, useStream)": 'export { OpencodeProvider, createOpencodeClient, useSessions, useStream } from "./src/index.ts";',
  "client only (createOpencodeClient)": 'export { createOpencodeClient } from "./src/core/index.ts";',
};
/** Bare imports a bundle may keep: React, TanStack, zustand and fetch-event-source (never the SDK: types only). */
const RUNTIME_EXTERNAL = /^(react|react-dom)(\/|$)|^@tanstack\/|^zustand(\/|$)|^@microsoft\/fetch-event-source$/;

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const results = [];
const misimports = [];
/** The bare imports left in a bundle that are not expected at run time (e.g. a value import from @opencode-ai/sdk). */
function unexpectedImports(out, name) {
  const output = out.metafile.outputs[Object.keys(out.metafile.outputs)[0]];
  for (const { path } of output.imports) if (!RUNTIME_EXTERNAL.test(path)) misimports.push(`${name} imports ${path} at run time`);
}
/** One production build, our code only: the peers stay external. */
const BUILD = {
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  platform: "neutral",
  external: EXTERNAL,
  write: false,
  metafile: true,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "silent",
};
for (const [entry, { file, target, max }] of Object.entries(BUDGETS)) {
  const out = await build({ ...BUILD, entryPoints: [file] });
  unexpectedImports(out, entry);
  const code = out.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  // The biggest inputs (minified bytes attributed by esbuild), to say what takes the space.
  const inputs = Object.entries(out.metafile.outputs[Object.keys(out.metafile.outputs)[0]].inputs)
    .map(([path, { bytesInOutput }]) => [path, bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  const byDir = new Map();
  for (const [path, bytes] of inputs) {
    const dir = path.replace(/^src\//, "").split("/").slice(0, 2).join("/").replace(/\.tsx?$/, "");
    byDir.set(dir, (byDir.get(dir) ?? 0) + bytes);
  }
  const top = [...byDir].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([dir, bytes]) => `${dir} ${kB(bytes)}`).join(", ");
  results.push({ entry, minBytes: code.length, gzipBytes: gz, targetGzipBytes: target, maxGzipBytes: max });
  const verdict = [
    target === null ? "" : ` target ${kB(target)}: ${gz <= target ? "met" : `not met, ${kB(gz - target)} over`}`,
    max === null ? "" : ` limit ${kB(max)}: ${gz <= max ? "ok" : "EXCEEDED"}`,
  ].join("");
  console.log(`size ${entry}: ${kB(code.length)} min, ${kB(gz)} min+gz${verdict}`);
  console.log(`  largest (min, before gzip): ${top}`);
}
for (const [name, contents] of Object.entries(APPS)) {
  const out = await build({ ...BUILD, stdin: { contents, resolveDir: process.cwd(), loader: "ts" } });
  unexpectedImports(out, name);
  const code = out.outputFiles[0].contents;
  console.log(`size ${name}: ${kB(code.length)} min, ${kB(gzipSync(code, { level: 9 }).length)} min+gz (tree-shaken)`);
}
if (process.argv.includes("--json")) console.log(JSON.stringify(results));
// Not a budget but the measurement's premise: the SDK is types only and nothing else is bundled in.
if (misimports.length > 0) {
  console.error(`size check: unexpected run-time imports:\n  ${misimports.join("\n  ")}`);
  process.exit(1);
}
const over = results.filter((r) => r.maxGzipBytes !== null && r.gzipBytes > r.maxGzipBytes);
if (over.length > 0) {
  console.error(`size budget exceeded: ${over.map((r) => r.entry).join(", ")}`);
  process.exit(1);
}
