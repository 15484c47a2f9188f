/**
 * `useOpencodeServer` for jsdom test files. The harness cannot be imported under jsdom: vitest
 * transforms modules for the browser there, and Vite rewrites the harness's
 * `new URL("./watchdog.mjs", import.meta.url)` to an http://localhost URL, so `fileURLToPath`
 * throws. So a plain Node child process imports the harness and starts the server, prints what
 * the tests need as one JSON line, and stops it when its stdin closes: when we close it in
 * afterAll, or when this worker dies (even by SIGKILL), so no server outlives the tests. The
 * harness's own exit hooks and watchdog still guard the server if the child itself dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** What a test needs of the server started in the child. */
export interface ChildServer {
  baseUrl: string;
  /** The project folder (the server's cwd). */
  directory: string;
  runDir: string;
  pid: number;
  startupMs: number;
  /** The last lines of the server's log file. */
  logTail(lines?: number): string;
}

const HARNESS = pathToFileURL(path.resolve("test/harness/opencode-server.mjs")).href;
const LOG_LINES = Number(process.env.OPENCODE_HARNESS_LOG_LINES ?? 80);

// Runs in the child (plain Node ESM). Any start failure goes to stderr and exits 1.
const CHILD_SCRIPT = `
import { startOpencodeServer } from ${JSON.stringify(HARNESS)};
const server = await startOpencodeServer();
const { baseUrl, directory, runDir, pid, startupMs } = server;
process.stdout.write(JSON.stringify({ baseUrl, directory, runDir, pid, startupMs }) + "\\n");
let stopping;
const stop = () => (stopping ??= server.stop().finally(() => process.exit(0)));
process.stdin.on("end", stop).on("error", stop).resume();
process.on("SIGTERM", stop);
`;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Spawns the child and resolves with the server it started (rejects with its stderr). */
async function startChild(): Promise<{ child: ChildProcess; info: Omit<ChildServer, "logTail"> }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD_SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr = (stderr + text).slice(-8000)));
  const info = await new Promise<Omit<ChildServer, "logTail">>((resolve, reject) => {
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(JSON.parse(stdout.slice(0, end)) as Omit<ChildServer, "logTail">);
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the server child exited (${code}) before the server was up:\n${stderr}`)));
  });
  return { child, info };
}

/** Closes the child's stdin (it stops the server and exits); SIGKILL if it takes over 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  const gone = exited(child);
  child.stdin?.end();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, 10_000, "late")));
  if ((await Promise.race([gone, late])) === "late") {
    child.kill("SIGKILL"); // the harness watchdog then stops the server itself
    await gone;
  }
  clearTimeout(timer);
}

/**
 * One real server for the calling file (or describe): started in beforeAll, stopped in afterAll;
 * a failed test prints the server's log tail.
 * @returns a getter: the server only exists once beforeAll has run.
 */
export function useChildServer(): () => ChildServer {
  let child: ChildProcess | undefined;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    const started = await startChild();
    child = started.child;
    const logFile = path.join(started.info.runDir, "opencode.log");
    const logTail = (lines = 60): string => {
      const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
      return text.split("\n").slice(-lines).join("\n");
    };
    server = { ...started.info, logTail };
    console.info(`OPENCODE_HARNESS_STARTUP_MS=${server.startupMs} ${server.baseUrl}`);
  });
  afterAll(async () => {
    if (child) await stopChild(child);
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => {
      if (!server) return;
      console.error(`--- opencode log tail for failed test "${task.name}" ---\n${server.logTail(LOG_LINES)}\n--- end of opencode log ---`);
    });
  });
  return () => {
    if (!server) throw new Error("useChildServer: the server is not started yet (use it inside tests or hooks)");
    return server;
  };
}
