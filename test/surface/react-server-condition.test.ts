/**
 * `opencode-react/query` loads in a server component: Node with the `react-server` condition
 * (React's server build has no createContext, so anything importing @tanstack/react-query or
 * React's client APIs at run time fails there with "does not provide an export named
 * 'createContext'"). The built dist is checked the same way by scripts/check-package.mjs.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

async function importUnderReactServer(entry: string): Promise<{ ok: boolean; output: string }> {
  const script = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).join(","));`;
  try {
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd() });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe("the react-server condition (a Next.js server component)", () => {
  it("imports opencode-react/query and opencode-react/core (root import failed: 'Named export createContext not found')", async () => {
    const query = await importUnderReactServer("./src/query/index.ts");
    expect(query.output).toContain("sessionsQueryOptions");
    expect(query.ok).toBe(true);
    const core = await importUnderReactServer("./src/core/index.ts");
    expect(core.output).toContain("createOpencodeClient");
  });

  it("the React entry is what cannot load there (so the check above can tell)", async () => {
    const root = await importUnderReactServer("./src/index.ts");
    expect(root.ok).toBe(false);
    expect(root.output).toMatch(/createContext/);
  });
});
