// Starts a real `opencode serve` driven by the scripted fake LLM, offline, on 127.0.0.1, and stops it
// reliably. Plain ESM so vitest, `node` and `node --import tsx` all load it as is (types: .d.mts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startFakeLlm } from "./fake-llm.mjs";
import { isGroupAlive, signalGroup } from "./process-alive.mjs";
import { basicAuth, buildConfig, freePort, isolatedEnv, LogTail, resolveOpencodeBinary } from "./opencode-env.mjs";

export { basicAuth, buildConfig, freePort, resolveOpencodeBinary } from "./opencode-env.mjs";

const WATCHDOG = fileURLToPath(new URL("./watchdog.mjs", import.meta.url));
const LISTENING = /opencode server listening on (https?:\/\/\S+)\r?\n/; // whole line: chunks may split it
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Servers not yet stopped; the exit/signal hooks SIGTERM them by PID (the watchdog finishes). */
const live = new Set();
const signals = /** @type {const} */ (["SIGINT", "SIGTERM"]);
function onExit() {
  for (const run of live) if (run.child.pid !== undefined) signalGroup(run.child.pid, "SIGTERM");
}
function onSignal(/** @type {NodeJS.Signals} */ sig) {
  onExit();
  // Only a listener: re-raise so the default action (terminate) still happens. If the app has its
  // own handler (the demo CLI awaits stop()), leave the exit to it.
  if (process.listenerCount(sig) === 1) {
    unhook();
    process.kill(process.pid, sig);
  }
}
let hooked = false;
function hook() {
  if (hooked) return;
  hooked = true;
  process.on("exit", onExit);
  for (const s of signals) process.on(s, onSignal);
}
function unhook() {
  hooked = false;
  process.off("exit", onExit);
  for (const s of signals) process.off(s, onSignal);
}

/** Resolves when the child has exited (immediately if it already has). */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once("exit", () => r()));
}

/**
 * SIGTERM to the server's process group (the npm wrapper of older lines and the real binary it
 * runs), wait up to `graceMs` for all of it, then SIGKILL the group: opencode usually exits in well
 * under a second.
 */
async function terminate(child, graceMs = 3000) {
  const pid = child.pid;
  const gone = exited(child);
  if (pid === undefined) return gone;
  signalGroup(pid, "SIGTERM");
  const until = Date.now() + graceMs;
  let timer;
  const late = new Promise((r) => (timer = setTimeout(r, graceMs, "late")));
  const outcome = await Promise.race([gone, late]);
  clearTimeout(timer); // a pending 3 s timer would keep a finished CLI/test process alive
  // The wrapper may be gone while the real server still shuts down.
  while (outcome !== "late" && isGroupAlive(pid) && Date.now() < until) await sleep(25);
  if (isGroupAlive(pid) || outcome === "late") {
    signalGroup(pid, "SIGKILL");
    await gone;
  }
}

/**
 * Starts the fake LLM and `opencode serve` (see opencode-server.d.mts for the option and result types).
 * @param {import("./opencode-server.d.mts").StartOptions} [options]
 * @returns {Promise<import("./opencode-server.d.mts").OpencodeServer>}
 */
export async function startOpencodeServer(options = {}) {
  const t0 = performance.now();
  const { password, extraConfig, logLevel = "INFO", startTimeoutMs = 30_000 } = options;
  const keep = options.keepRunDir ?? process.env.OPENCODE_HARNESS_KEEP === "1";
  const bin = resolveOpencodeBinary(options.binary, options.version);
  const runDir = await fsp.mkdtemp(path.join(os.tmpdir(), "opencode-harness-"));
  const home = path.join(runDir, "home");
  const directory = path.join(runDir, "project");
  for (const d of [".config", ".local/share", ".cache", ".local/state"]) fs.mkdirSync(path.join(home, d), { recursive: true });
  fs.mkdirSync(directory);

  const logs = new LogTail();
  const logFile = fs.createWriteStream(path.join(runDir, "opencode.log"));
  logFile.on("error", () => {}); // the log file is a convenience; never crash a test over it
  const run = { child: /** @type {import("node:child_process").ChildProcess | null} */ (null), watchdog: null };
  let llm = null;
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      live.delete(run);
      if (live.size === 0) unhook();
      if (run.child) await terminate(run.child);
      run.watchdog?.kill("SIGKILL");
      await llm?.close();
      await new Promise((r) => logFile.end(r));
      if (!keep) await fsp.rm(runDir, { recursive: true, force: true, maxRetries: 3 });
    })());

  try {
    llm = await startFakeLlm({ port: options.llmPort ?? 0, log: path.join(runDir, "llm-requests.jsonl") });
    // Not named opencode.json: opencode also walks up from the project dir loading every
    // opencode.json it meets, and runDir is the project's parent (it would load twice).
    const configPath = path.join(runDir, "harness-config.json");
    fs.writeFileSync(configPath, JSON.stringify(buildConfig(llm.url, extraConfig), null, 2));
    const env = isolatedEnv({ home, configPath, password, env: options.env });
    const deadline = Date.now() + startTimeoutMs;

    // A port can be taken between freePort() and the bind: opencode then exits with "ServeError".
    let baseUrl = null;
    for (let attempt = 1; !baseUrl; attempt++) {
      const port = options.port ?? (await freePort());
      const args = ["serve", "--port", String(port), "--hostname", "127.0.0.1", "--print-logs", "--log-level", logLevel];
      logs.push(`$ ${bin} ${args.join(" ")}  (attempt ${attempt}, cwd ${directory})\n`);
      // Its own process group: stop() and the watchdog signal the whole group (see isGroupAlive).
      const child = spawn(bin, args, { cwd: directory, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      run.child = child;
      live.add(run);
      hook();
      // The watchdog owns cleanup if this process dies without stop() (see watchdog.mjs).
      run.watchdog?.kill("SIGKILL");
      run.watchdog = spawn(process.execPath, [WATCHDOG, String(child.pid), keep ? "" : runDir], {
        stdio: ["pipe", "ignore", "ignore"],
        detached: false,
      });
      run.watchdog.unref();
      /** @type {any} */ (run.watchdog.stdin).unref?.();
      baseUrl = await waitListening(child, (text) => (logs.push(text), logFile.writableEnded || logFile.write(text)), deadline);
      if (!baseUrl && attempt < 3 && !options.port && /ServeError|EADDRINUSE|in use/i.test(logs.tail(20))) continue;
      if (!baseUrl) throw new Error(`opencode exited before listening (exit ${child.exitCode ?? child.signalCode})`);
    }
    const headers = password ? { authorization: basicAuth(password) } : {};
    await waitHealthy(baseUrl, headers, run.child, deadline);
    return {
      baseUrl,
      password,
      directory,
      llmUrl: llm.url,
      runDir,
      pid: /** @type {number} */ (run.child.pid),
      startupMs: Math.round(performance.now() - t0),
      headers,
      log: () => logs.tail(),
      logTail: (lines = 60) => logs.tail(lines),
      llmRequests: () => llm.requests(),
      stop,
    };
  } catch (err) {
    const tail = logs.tail(40);
    await stop();
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`startOpencodeServer failed: ${msg}\n--- opencode log tail ---\n${tail}`, { cause: err });
  }
}

/**
 * Forwards all output to `sink` and resolves with the base URL from the "listening" line (stdout),
 * or null if the child exits first.
 */
function waitListening(child, sink, deadline) {
  return new Promise((resolve, reject) => {
    let url = null;
    let stdout = ""; // stdout only: stderr lines could interleave with a split "listening" line
    child.stdout.setEncoding("utf8").on("data", (/** @type {string} */ s) => {
      sink(s);
      if (url) return;
      stdout = (stdout + s).slice(-4096);
      const m = LISTENING.exec(stdout);
      if (m) resolve((url = m[1].replace(/\/$/, "")));
    });
    child.stderr.setEncoding("utf8").on("data", sink);
    child.once("error", reject); // e.g. EACCES on the binary
    child.once("exit", () => setTimeout(() => resolve(url), 50)); // let the last output arrive first
    const left = deadline - Date.now();
    setTimeout(() => !url && reject(new Error(`no "listening" line within the start timeout`)), left).unref();
  });
}

/** Polls GET /global/health until {healthy:true}; fails early if the server process dies. */
async function waitHealthy(baseUrl, headers, child, deadline) {
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`opencode exited (${child.exitCode ?? child.signalCode}) before healthy`);
    try {
      const res = await fetch(`${baseUrl}/global/health`, { headers, signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (res.ok && JSON.parse(body).healthy === true) return;
      last = `HTTP ${res.status} ${body.slice(0, 200)}`;
    } catch (e) {
      last = String(e);
    }
    await sleep(25);
  }
  throw new Error(`not healthy at ${baseUrl}/global/health within the start timeout (last: ${last})`);
}
