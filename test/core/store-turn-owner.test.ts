/**
 * The turn machine (src/core/reply/store/turn-machine.ts) is the only module that writes the
 * turn's runtime. Backstop for the readonly type the rest of the store sees: no other file under
 * src/core/reply assigns one of the runtime's fields.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";

const ROOT = join(__dirname, "../../src/core/reply");
const OWNER = "store/turn-machine.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** The runtime's fields, read from the interface itself so a new field is covered too. */
function runtimeFields(): string[] {
  const source = readFileSync(join(ROOT, OWNER), "utf8");
  const body = /export interface TurnRuntime \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
  return [...body.matchAll(/^\s+(\w+):/gm)].map((m) => m[1] as string);
}

/** `x.field = ...`, `x.field += ...`, `x.field++`, `x.field ??= ...` (not `==`). */
function assignments(source: string, fields: readonly string[]): string[] {
  const pattern = new RegExp(String.raw`\.(${fields.join("|")})\s*(?:[-+*/?|&]{0,2}=(?!=)|\+\+|--)`, "g");
  return [...source.matchAll(pattern)].map((m) => m[0]);
}

test("the turn runtime has the fields the store reads (stage, reply, clock, error, result, ...)", () => {
  expect(runtimeFields()).toEqual(expect.arrayContaining(["stage", "reply", "clock", "error", "watchdogError", "result", "generation"]));
});

test("no module but the turn machine assigns a field of the turn runtime", () => {
  const fields = runtimeFields();
  const offenders: string[] = [];
  for (const file of files(ROOT)) {
    const name = relative(ROOT, file);
    // The reducer never sees the runtime (next test); its parts have fields of the same names.
    if (name === OWNER || name.startsWith("reducer/")) continue;
    for (const hit of assignments(readFileSync(file, "utf8"), fields)) offenders.push(`${name}: ${hit}`);
  }
  expect(offenders).toEqual([]);
});

test("the pure reducer imports nothing from the store (so it cannot reach the runtime)", () => {
  const offenders = files(join(ROOT, "reducer")).filter((file) => /from "\.\.\/store\//.test(readFileSync(file, "utf8")));
  expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
});

test("the check sees an assignment (it can fail)", () => {
  expect(assignments("machine.turn.stage = 'idle'; t.error ??= e; t.generation++", runtimeFields())).toHaveLength(3);
});
