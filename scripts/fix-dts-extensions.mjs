#!/usr/bin/env node
// The sources use extensionless relative imports (moduleResolution "Bundler"), which Node's ESM
// type resolution (node16/nodenext consumers) cannot follow. After tsc emits the declarations,
// rewrite every relative specifier in dist/**/*.d.ts to the file it means: "./x" -> "./x.js",
// "./dir" -> "./dir/index.js".
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const SPECIFIER = /(\bfrom\s+["']|\bimport\s*\(\s*["']|\bimport\s+["'])(\.{1,2}\/[^"']*)(["'])/g;

function fix(file) {
  const dir = dirname(file);
  const text = readFileSync(file, "utf8");
  const out = text.replace(SPECIFIER, (all, head, spec, tail) => {
    if (/\.(js|mjs|cjs|json)$/.test(spec)) return all;
    if (existsSync(join(dir, `${spec}.d.ts`))) return `${head}${spec}.js${tail}`;
    if (existsSync(join(dir, spec, "index.d.ts"))) return `${head}${spec}/index.js${tail}`;
    throw new Error(`fix-dts-extensions: cannot resolve ${spec} from ${file}`);
  });
  if (out !== text) writeFileSync(file, out);
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".d.ts")) fix(path);
  }
}

walk(root);
