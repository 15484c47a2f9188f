/**
 * src/core runs without React (Node, workers, other UI frameworks): none of its files imports
 * React, react-dom, TanStack's React bindings, zustand's React entry or the React layer. The same
 * rule is in eslint.config.js (`npm run lint`); this test keeps it in `npm test`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const FORBIDDEN = /(?:from|import)\s*\(?\s*"(react|react\/[^"]*|react-dom(?:\/[^"]*)?|@tanstack\/react-query|zustand\/react|zustand|[^"]*\/react\/[^"]*|\.\.\/\.\.\/react[^"]*|\.\.\/react[^"]*)"/;

describe("src/core", () => {
  it("imports no React", () => {
    const root = new URL("../../src/core/", import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.filter((file) => FORBIDDEN.test(readFileSync(new URL(file, root), "utf8")));
    expect(offenders).toEqual([]);
  });
});
