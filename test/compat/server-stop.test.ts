/**
 * The test harness on every certified line: `stop()` leaves no process of the server behind.
 * Lines before 1.17 install an npm wrapper (a node script that runs the real binary as its child);
 * stopping only the wrapper's PID left the real server running as an orphan (found spinning at
 * 93 % of a core after a full `npm test`), which slowed every later stage of the suite.
 */
import fs from "node:fs";
import { expect, it } from "vitest";
import { startOpencodeServer } from "../harness/opencode-server.mjs";
import { isProcessAlive } from "../harness/process-alive.mjs";

const version = process.env.OPENCODE_COMPAT_VERSION ?? "";

/** Live processes whose command line serves `port` (Linux: /proc; elsewhere nothing to scan). */
function serving(port: string): number[] {
  if (!fs.existsSync("/proc/self/cmdline")) return [];
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.includes("serve") && args[args.indexOf("--port") + 1] === port && isProcessAlive(Number(entry))) found.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

it("stop() leaves no process of the server behind, the npm wrapper's child included", async () => {
  const server = await startOpencodeServer({ version, startTimeoutMs: 120_000 });
  const port = new URL(server.baseUrl).port;
  // The scan must see the server at all, or "none left" below would prove nothing.
  if (fs.existsSync("/proc/self/cmdline")) expect(serving(port)).toContain(server.pid);
  await server.stop();
  expect(serving(port)).toEqual([]);
}, 180_000);
