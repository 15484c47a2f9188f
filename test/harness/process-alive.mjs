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

/**
 * True while any live (not zombie) process is left in process group `pgid`. A server started
 * through the opencode-ai npm wrapper (a node script that runs the real binary; servers before
 * 1.17) is two processes: stopping only the wrapper's PID leaves the real server running as an
 * orphan, so the harness starts it as its own group and checks and signals the whole group.
 * Without /proc, kill(-pgid, 0) is trusted.
 * @param {number} pgid
 * @returns {boolean}
 */
export function isGroupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  let entries;
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") return true;
  }
  return false;
}

/**
 * Sends `signal` to process group `pgid` (the process itself if it leads no group). Never throws.
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
export function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    try {
      process.kill(pgid, signal);
    } catch {
      // Already gone.
    }
  }
}
