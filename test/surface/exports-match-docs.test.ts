/**
 * The exports of every entry equal docs/api.md, so the public surface cannot drift: a new
 * export needs its line in the docs, an internal made public by accident fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENTRIES, readExports, type EntryName } from "./api-exports";

interface DocumentedNames {
  values: Set<string>;
  types: Set<string>;
}

/** Entry -> names listed under its `## \`entry\`` heading (`- \`name\`` lines, "(type)" marks types). */
function documented(): Map<string, DocumentedNames> {
  const text = readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");
  const entries = new Map<string, DocumentedNames>();
  let current: DocumentedNames | undefined;
  for (const line of text.split("\n")) {
    const heading = /^## `([^`]+)`/.exec(line);
    if (heading !== null) {
      current = { values: new Set(), types: new Set() };
      entries.set(heading[1]!, current);
      continue;
    }
    const item = /^- `(\w+)`( \(type\))?/.exec(line);
    if (item !== null && current !== undefined) (item[2] ? current.types : current.values).add(item[1]!);
  }
  return entries;
}

/** A readable difference: what the entry exports that the docs lack, and the reverse. */
function difference(entry: string, kind: string, actual: Iterable<string>, listed: Set<string>): string[] {
  const actualSet = new Set(actual);
  const problems: string[] = [];
  for (const name of actualSet) if (!listed.has(name)) problems.push(`${entry} exports ${kind} \`${name}\`, missing from docs/api.md`);
  for (const name of listed) if (!actualSet.has(name)) problems.push(`docs/api.md lists ${kind} \`${name}\` under ${entry}, which does not export it`);
  return problems.sort();
}

describe("docs/api.md lists exactly what each entry exports", () => {
  const docs = documented();
  const exported = readExports();

  it("documents every entry of package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };
    const entries = Object.keys(pkg.exports).filter((key) => key !== "./package.json").map((key) => (key === "." ? "opencode-react" : `opencode-react/${key.slice(2)}`));
    expect(entries.sort()).toEqual(Object.keys(ENTRIES).sort());
    expect([...docs.keys()].sort()).toEqual(Object.keys(ENTRIES).sort());
  });

  it.each(Object.keys(ENTRIES) as EntryName[])("%s: runtime exports equal the documented values", async (entry) => {
    const runtime = Object.keys((await import(/* @vite-ignore */ `../../${ENTRIES[entry]}`)) as Record<string, unknown>);
    expect(difference(entry, "value", runtime, docs.get(entry)?.values ?? new Set())).toEqual([]);
  });

  it.each(Object.keys(ENTRIES) as EntryName[])("%s: type exports equal the documented types", (entry) => {
    const types = exported[entry].filter((e) => e.kind === "type").map((e) => e.name);
    expect(difference(entry, "type", types, docs.get(entry)?.types ?? new Set())).toEqual([]);
  });

  it("keeps the internals out of the root (no scheduler, coalescer, patcher or registry)", async () => {
    const root = Object.keys(await import("../../src/index"));
    for (const internal of ["coalesceEvents", "mergeDeltaRuns", "PersistentMap", "createFrameScheduler", "isUrgentFor", "liveCacheHolders", "replyStoreHolders", "applyEventToCache", "upsertMessage"]) {
      expect(root).not.toContain(internal);
    }
  });
});
