#!/usr/bin/env node
// What <OpencodeDevtools /> costs an app, measured with esbuild (minified, code-split, production):
// the same small chat app bundled without the devtools, and with them imported but rendered only
// behind a flag. Prints the entry chunk's size of each and the lazy chunk's.
//   node scripts/devtools-size.mjs
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "opencode-devtools-size-"));
const app = (withDevtools) => `
import { createRoot } from "react-dom/client";
import { createOpencodeClient, OpencodeProvider, useStream } from "opencode-react";
${withDevtools ? 'import { OpencodeDevtools } from "opencode-react/devtools";' : ""}
function Chat() { const { text, status } = useStream("ses_1"); return <p title={status}>{text}</p>; }
const show = new URLSearchParams(location.search).has("devtools");
createRoot(document.body).render(
  <OpencodeProvider client={createOpencodeClient({ baseUrl: "/opencode" })}>
    <Chat />{show && ${withDevtools ? "<OpencodeDevtools />" : "null"}}
  </OpencodeProvider>,
);`;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
try {
  const results = {};
  for (const name of ["without", "with"]) {
    const entry = path.join(dir, `${name}.tsx`);
    writeFileSync(entry, app(name === "with"));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: "esm",
      minify: true,
      write: false,
      outdir: path.join(dir, "out"),
      jsx: "automatic",
      nodePaths: [path.join(root, "node_modules")],
      alias: { "opencode-react": path.join(root, "src/index.ts"), "opencode-react/devtools": path.join(root, "src/devtools/index.ts") },
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "error",
      metafile: true,
    });
    // What the page loads up front: the entry and, transitively, its static imports; the rest
    // is only fetched by a dynamic import().
    const byName = new Map(out.outputFiles.map((f) => [path.basename(f.path), f.contents]));
    const outputs = Object.fromEntries(Object.entries(out.metafile.outputs).map(([file, meta]) => [path.basename(file), meta]));
    const initial = new Set();
    const visit = (file) => {
      if (initial.has(file) || outputs[file] === undefined) return;
      initial.add(file);
      for (const imported of outputs[file].imports) if (imported.kind === "import-statement") visit(path.basename(imported.path));
    };
    visit(`${name}.js`);
    const size = (files) => {
      const bytes = files.reduce((n, f) => n + byName.get(f).length, 0);
      const gzip = files.reduce((n, f) => n + gzipSync(byName.get(f)).length, 0);
      return { bytes, gzip };
    };
    const lazy = [...byName.keys()].filter((f) => f.endsWith(".js") && !initial.has(f));
    results[name] = { initial: size([...initial]), lazy: size(lazy), lazyFiles: lazy };
  }
  const { without, with: withDevtools } = results;
  const line = (s) => `${kb(s.bytes)} min, ${kb(s.gzip)} gzip`;
  console.log(`app without devtools: loaded up front ${line(without.initial)}`);
  console.log(`app importing <OpencodeDevtools /> behind a flag: loaded up front ${line(withDevtools.initial)}`);
  console.log(`  cost when not rendered: ${withDevtools.initial.bytes - without.initial.bytes} B min, ${withDevtools.initial.gzip - without.initial.gzip} B gzip`);
  console.log(`  lazy panel (${withDevtools.lazyFiles.length} chunk, fetched on first render): ${line(withDevtools.lazy)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
