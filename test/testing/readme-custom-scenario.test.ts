/**
 * The README's custom-scenario example, run as written: the code block after the
 * `<!-- custom-scenario -->` marker, with "opencode-react/testing" pointed at src/testing, must
 * print what its last comment says.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.restoreAllMocks());

function readmeExample(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const found = /<!-- custom-scenario[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (found?.[1] === undefined) throw new Error("README.md has no custom-scenario example");
  return found[1];
}

describe("README custom-scenario example", () => {
  it("runs and prints what it promises", async () => {
    const code = readmeExample();
    const promised = /console\.log\(.*\); \/\/ "([^"]*)"/.exec(code)?.[1];
    expect(promised).toBeDefined();
    const dir = new URL("../../.tmp/", import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`readme-custom-scenario-${process.pid}.ts`, dir);
    writeFileSync(file, code.replaceAll('"opencode-react/testing"', JSON.stringify(new URL("../../src/testing/index.ts", import.meta.url).pathname)));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await import(/* @vite-ignore */ file.href);
    expect(log.mock.calls).toEqual([[promised]]);
  });
});
