/**
 * The harness itself against the real server: health, Basic auth, one scripted turn, clean stop.
 * Plain fetch on purpose: the package's client is tested elsewhere and must not hide harness bugs.
 */
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startOpencodeServer } from "../harness/opencode-server.mjs";
import { fetchJson, useOpencodeServer, waitFor } from "../harness/use-server";

const fileStart = performance.now();
afterAll(() => {
  console.info(`OPENCODE_HARNESS_E2E_FILE_MS=${Math.round(performance.now() - fileStart)}`);
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

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
    const started = performance.now();
    const err: Error = await startOpencodeServer({ binary: "/bin/false" }).then(
      () => new Error("should have failed"),
      (e: Error) => e,
    );
    expect(err.message).toMatch(/exited before listening/);
    expect(err.message).toMatch(/opencode log tail/);
    expect(performance.now() - started).toBeLessThan(5_000);
    const runDir = /cwd (\/\S+)\/project/.exec(err.message)?.[1];
    expect(runDir).toMatch(/opencode-harness-/);
    expect(fs.existsSync(runDir!)).toBe(false);
  });

  it("rejects a missing binary before creating anything", async () => {
    await expect(startOpencodeServer({ binary: "/nonexistent/opencode" })).rejects.toThrow(/OPENCODE_BIN/);
  });
});
