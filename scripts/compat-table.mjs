#!/usr/bin/env node
// Writes the README's compatibility table from the last compat run (`npm run test:compat`):
// reads .tmp/compat/<version>.json (one per line, written by test/compat/compat.test.ts), keeps
// the outcome in docs/compatibility.json (committed: the table's source) and rewrites the README
// block between the compat-table markers. `--check` only verifies that the README block matches
// docs/compatibility.json (exit 1 when not). No timestamps: a green re-run changes nothing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMPAT_LINES, OLDEST_SUPPORTED_LINE } from "../test/harness/opencode-lines.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = path.join(ROOT, ".tmp", "compat");
const RECORD = path.join(ROOT, "docs", "compatibility.json");
const README = path.join(ROOT, "README.md");
const START = "<!-- compat-table:start (scripts/compat-table.mjs writes this block from docs/compatibility.json) -->";
const END = "<!-- compat-table:end -->";
const CELL = { pass: "✓", fail: "✗" };

/**
 * The markdown block for a record: one column per line, one row per feature.
 * @param {{ oldestSupportedLine: string, lines: { line: string, version: string, features: Record<string, "pass" | "fail"> }[] }} record
 * @returns {string}
 */
export function renderTable(record) {
  const features = [...new Set(record.lines.flatMap((l) => Object.keys(l.features)))];
  const head = `| feature | ${record.lines.map((l) => `${l.line} (${l.version})`).join(" | ")} |`;
  const rule = `| --- | ${record.lines.map(() => ":---:").join(" | ")} |`;
  const rows = features.map((f) => `| ${f} | ${record.lines.map((l) => CELL[l.features[f]] ?? "not run").join(" | ")} |`);
  return [
    START,
    head,
    rule,
    ...rows,
    "",
    `Oldest supported line: **${record.oldestSupportedLine}**. ✓ = the compat e2e test of that feature passed against that server in the last run (\`npm run test:compat\`), ✗ = it failed.`,
    END,
  ].join("\n");
}

/** @param {string} text @param {string} block */
function replaceBlock(text, block) {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no compat-table markers (${START} … ${END})`);
  return text.slice(0, from) + block + text.slice(to + END.length);
}

function main() {
  const check = process.argv.includes("--check");
  const readme = fs.readFileSync(README, "utf8");
  if (check) {
    const record = JSON.parse(fs.readFileSync(RECORD, "utf8"));
    if (replaceBlock(readme, renderTable(record)) !== readme) {
      console.error("README.md's compatibility table does not match docs/compatibility.json: run node scripts/compat-table.mjs");
      process.exit(1);
    }
    return;
  }
  const lines = COMPAT_LINES.map(({ line, version }) => {
    const file = path.join(RUNS, `${version}.json`);
    if (!fs.existsSync(file)) throw new Error(`no compat result for ${version} (${file}): run npm run test:compat first`);
    const run = JSON.parse(fs.readFileSync(file, "utf8"));
    return { line, version, features: run.features };
  });
  const record = { oldestSupportedLine: OLDEST_SUPPORTED_LINE, lines };
  fs.writeFileSync(RECORD, JSON.stringify(record, null, 2) + "\n");
  fs.writeFileSync(README, replaceBlock(readme, renderTable(record)));
  console.log(`compatibility table written from ${lines.map((l) => l.version).join(", ")}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
