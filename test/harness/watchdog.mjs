// Orphan guard for the harness: `node watchdog.mjs <pid> [dirToRemove]`.
//
// The harness spawns this next to `opencode serve` with a pipe on our stdin. If the harness
// process dies without running stop() (vitest SIGKILLs a worker 500 ms after SIGTERM, a crash,
// kill -9), the pipe closes, we see EOF and finish the job: SIGTERM the server by PID, SIGKILL it
// after 3 s, remove its temp folder. A normal stop() SIGKILLs us first, so we never act twice.
import fs from "node:fs";
import { isGroupAlive, isProcessAlive, signalGroup } from "./process-alive.mjs";

const pid = Number(process.argv[2]);
const dir = process.argv[3] ?? "";

// Ctrl-C in a terminal signals the whole process group, us included: survive it to clean up.
for (const sig of ["SIGINT", "SIGHUP", "SIGTERM"]) process.on(sig, () => {});

// The server leads its own process group (the npm wrapper of older lines and the real binary).
const alive = () => isProcessAlive(pid) || isGroupAlive(pid);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function cleanup() {
  if (pid > 0 && alive()) {
    signalGroup(pid, "SIGTERM");
    for (let i = 0; i < 60 && alive(); i++) await sleep(50);
    if (alive()) {
      signalGroup(pid, "SIGKILL");
      for (let i = 0; i < 40 && alive(); i++) await sleep(50);
    }
  }
  // Only folders the harness created (its mkdtemp prefix), never anything else.
  if (dir && /opencode-harness-/.test(dir)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.exit(0);
}

process.stdin.on("data", () => {});
process.stdin.on("end", cleanup);
process.stdin.on("error", cleanup);
process.stdin.resume();
