/**
 * What each package entry exports, read from the sources: runtime names by importing the entry,
 * type-only names through the TypeScript checker. Used by the test that keeps docs/api.md equal
 * to the exports. Not a test file.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Package entry -> its source file. */
export const ENTRIES = {
  "opencode-react": "src/index.ts",
  "opencode-react/core": "src/core/index.ts",
  "opencode-react/query": "src/query/index.ts",
  "opencode-react/testing": "src/testing/index.ts",
  "opencode-react/testing/react": "src/testing/react/index.ts",
  "opencode-react/testing/library": "src/testing/library/index.ts",
  "opencode-react/devtools": "src/devtools/index.ts",
} as const;

export type EntryName = keyof typeof ENTRIES;

const root = fileURLToPath(new URL("../../", import.meta.url));

/** One exported name: a value (exists at run time) or a type only. */
export interface ExportedName {
  name: string;
  kind: "value" | "type";
  /** First sentence of its TSDoc, when it has one. */
  summary: string;
}

/** Every export of every entry, through one TypeScript program. */
export function readExports(): Record<EntryName, ExportedName[]> {
  const files = Object.values(ENTRIES).map((file) => `${root}${file}`);
  const program = ts.createProgram(files, {
    strict: true,
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const result = {} as Record<EntryName, ExportedName[]>;
  for (const [entry, file] of Object.entries(ENTRIES) as Array<[EntryName, string]>) {
    const source = program.getSourceFile(`${root}${file}`);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${file}`);
    result[entry] = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const kind = target.flags & ts.SymbolFlags.Value ? "value" : "type";
      const doc = ts.displayPartsToString(target.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
      const summary = (/^(.*?[.:])(\s|$)/.exec(doc)?.[1] ?? doc).replace(/\{@link (\w+)\}/g, "`$1`");
      return { name: symbol.getName(), kind, summary };
    });
  }
  return result;
}
