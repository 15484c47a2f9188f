/** The README's compatibility table is the one scripts/compat-table.mjs renders from docs/compatibility.json (the last compat run). */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMPAT_LINES, OLDEST_SUPPORTED_LINE } from "./opencode-lines.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const record = JSON.parse(readFileSync(new URL("docs/compatibility.json", `file://${ROOT}`), "utf8")) as {
  oldestSupportedLine: string;
  lines: { line: string; version: string; features: Record<string, string> }[];
};

describe("README compatibility table", () => {
  it("matches docs/compatibility.json (scripts/compat-table.mjs --check)", () => {
    const run = spawnSync(process.execPath, ["scripts/compat-table.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("covers every certified line and states the oldest supported one", () => {
    expect(record.lines.map((l) => l.version)).toEqual(COMPAT_LINES.map((l) => l.version));
    expect(record.oldestSupportedLine).toBe(OLDEST_SUPPORTED_LINE);
    expect(readFileSync(new URL("README.md", `file://${ROOT}`), "utf8")).toContain(`Oldest supported line: **${OLDEST_SUPPORTED_LINE}**`);
  });
});
