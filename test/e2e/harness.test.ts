/**
 * The harness itself against the real server: health, Basic auth, one scripted turn, clean stop.
 * Plain fetch on purpose: the package's client is tested elsewhere and must not hide harness bugs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startOpencodeServer } from "../harness/opencode-server.mjs";
import { isProcessAlive as isAlive } from "../harness/process-alive.mjs";
import { fetchJson, useOpencodeServer, waitFor } from "../harness/use-server";

const fileStart = performance.now();
afterAll(() => {
  console.info(`OPENCODE_HARNESS_E2E_FILE_MS=${Math.round(performance.now() - fileStart)}`);
});


interface Message {
  info: { role: string };
  parts: { type: string; text?: string }[];
}

describe("without a password", () => {
  const server = useOpencodeServer();

  it("reports healthy with the pinned version", async () => {
    const res = await fetch(`${server().baseUrl}/global/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ healthy: true, version: "1.18.33" });
    expect(new URL(server().baseUrl).hostname).toBe("127.0.0.1");
  });

  it("runs a scripted hello turn end to end", async () => {
    const s = server();
    const session = await fetchJson<{ id: string; directory: string }>(s, "/session", { method: "POST", body: "{}" });
    expect(session.directory).toBe(s.directory);
    const started = performance.now();
    const res = await fetch(`${s.baseUrl}/session/${session.id}/prompt_async`, {
      method: "POST",
      headers: { "content-type": "application/json", ...s.headers },
      body: JSON.stringify({ parts: [{ type: "text", text: "hello" }] }),
    });
    expect(res.status).toBe(204);
    const text = await waitFor(async () => {
      const messages = await fetchJson<Message[]>(s, `/session/${session.id}/message`);
      const reply = messages
        .filter((m) => m.info.role === "assistant")
        .flatMap((m) => m.parts)
        .filter((p) => p.type === "text")
        .map((p) => p.text)
        .join("");
      return reply.includes("Hello there! I am a fake model.") && reply;
    });
    console.info(`first hello turn: ${Math.round(performance.now() - started)} ms`);
    expect(text).toBe("Hello there! I am a fake model.");
    expect(s.llmRequests().some((r) => r.userText === "hello" && !r.isTitle)).toBe(true);
  });
});

describe("with a password", () => {
  const server = useOpencodeServer({ password: "s3cret-harness" });
  const health = (authorization?: string) =>
    fetch(`${server().baseUrl}/global/health`, { headers: authorization ? { authorization } : {} });
  const basic = (user: string, pw: string) => "Basic " + Buffer.from(`${user}:${pw}`).toString("base64");

  it("answers 401 without credentials", async () => {
    expect((await health()).status).toBe(401);
  });

  it("answers 200 with the right password", async () => {
    const res = await health(basic("opencode", "s3cret-harness"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ healthy: true, version: "1.18.33" });
  });

  it("answers 401 with a wrong password", async () => {
    expect((await health(basic("opencode", "wrong"))).status).toBe(401);
  });
});

describe("lifecycle", () => {
  it("stop() kills the server, removes the temp folder and is idempotent", async () => {
    const s = await startOpencodeServer();
    console.info(`standalone startup: ${s.startupMs} ms`);
    expect(isAlive(s.pid)).toBe(true);
    expect(fs.existsSync(s.directory)).toBe(true);
    await Promise.all([s.stop(), s.stop()]);
    expect(isAlive(s.pid)).toBe(false);
    expect(fs.existsSync(s.runDir)).toBe(false);
    await s.stop();
    await expect(fetch(`${s.baseUrl}/global/health`)).rejects.toThrow();
  });

  it("fails fast with a clear error and cleans up when the binary exits at once", async () => {
    const err: Error = await startOpencodeServer({ binary: "/bin/false", startTimeoutMs: 600_000 }).then(
      () => new Error("should have failed"),
      (e: Error) => e,
    );
    // The exit itself ended the wait (not the start timeout, which would say "within the start
    // timeout" and, at 10 min, outlast the test's own 60 s timeout): no wall-clock figure needed.
    expect(err.message).toMatch(/exited before listening/);
    expect(err.message).not.toMatch(/within the start timeout/);
    expect(err.message).toMatch(/opencode log tail/);
    const runDir = /cwd (\/\S+)\/project/.exec(err.message)?.[1];
    expect(runDir).toMatch(/opencode-harness-/);
    expect(fs.existsSync(runDir!)).toBe(false);
  });

  it("rejects a missing binary before creating anything", async () => {
    await expect(startOpencodeServer({ binary: "/nonexistent/opencode" })).rejects.toThrow(/OPENCODE_BIN/);
  });
});

/** What spawn-for-test.mjs prints once its server is healthy. */
interface SpawnedServer {
  pid: number;
  runDir: string;
}

const SPAWN_SCRIPT = path.resolve("test/harness/spawn-for-test.mjs");

/** Starts a server in a plain `node` child (see spawn-for-test.mjs) and waits for its JSON line. */
async function spawnServerChild(): Promise<{ child: ChildProcess; server: SpawnedServer }> {
  const child = spawn(process.execPath, [SPAWN_SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr = (stderr + text).slice(-8000)));
  const server = await new Promise<SpawnedServer>((resolve, reject) => {
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(JSON.parse(stdout.slice(0, end)) as SpawnedServer);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`spawn-for-test exited (${code ?? signal}) before printing:\n${stderr}`)));
  });
  return { child, server };
}

/** Resolves with how the child ended (at once if it already has). */
function childExit(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
}

/**
 * Processes whose command line mentions `runDir` (the watchdog gets it as an argument). Linux
 * only: without /proc there is nothing to scan and the list is empty.
 */
function processesMentioning(runDir: string): number[] {
  if (!fs.existsSync("/proc/self/cmdline")) return [];
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(runDir) && isAlive(Number(entry))) found.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

describe("cleanup when the owning process dies without stop()", () => {
  // Whatever a failed assertion leaves behind must not outlive the file: kill the child, then
  // the server by PID, and remove the folder ourselves.
  const leftovers: { child: ChildProcess; server: SpawnedServer }[] = [];
  afterEach(async () => {
    for (const { child, server } of leftovers.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await childExit(child);
      if (isAlive(server.pid)) process.kill(server.pid, "SIGKILL");
      fs.rmSync(server.runDir, { recursive: true, force: true });
    }
  });

  /** Starts the child, kills it with `signal`, and checks everything is gone within ~5 s. */
  async function killAndExpectCleanup(signal: "SIGINT" | "SIGKILL"): Promise<void> {
    const spawned = await spawnServerChild();
    leftovers.push(spawned);
    const { child, server } = spawned;
    expect(server.runDir).toMatch(/opencode-harness-/);
    expect(isAlive(server.pid)).toBe(true);
    expect(fs.existsSync(server.runDir)).toBe(true);
    // The scan below must be able to see the watchdog at all, or its "none left" would prove nothing.
    if (fs.existsSync("/proc/self/cmdline")) expect(processesMentioning(server.runDir).length).toBeGreaterThan(0);

    const killed = performance.now();
    process.kill(child.pid!, signal);
    // SIGINT: the harness SIGTERMs the server, then re-raises so the default action ends the child.
    expect(await childExit(child)).toBe(signal);
    await waitFor(async () => !isAlive(server.pid) && !fs.existsSync(server.runDir), 5_000, 25);
    // The watchdog exits once it has cleaned up; nothing may keep running for this server.
    await waitFor(async () => processesMentioning(server.runDir).length === 0, 2_000, 25);
    console.info(`cleanup after ${signal}: ${Math.round(performance.now() - killed)} ms`);
  }

  it("SIGINT of the owning process: the server exits and its temp folder is removed", async () => {
    await killAndExpectCleanup("SIGINT");
  });

  it("SIGKILL of the owning process: the watchdog stops the server and removes the temp folder", async () => {
    await killAndExpectCleanup("SIGKILL");
  });
});
