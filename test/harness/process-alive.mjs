// Whether a process still runs, for the harness's watchdog and its tests.
import fs from "node:fs";

/**
 * True while `pid` runs. A zombie still answers kill(0): an orphaned server is reparented to PID 1,
 * and if that init is slow to reap it (or never does, in some containers) the server has still
 * exited, so a zombie does not count. Without /proc (macOS) kill(0) is trusted.
 * @param {number} pid
 * @returns {boolean}
 */
export function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}
