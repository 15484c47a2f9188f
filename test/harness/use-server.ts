/**
 * Vitest glue for e2e files: one real opencode server per test file.
 *
 * ```ts
 * const server = useOpencodeServer({ password: "pw" });
 * it("works", async () => { await fetch(`${server().baseUrl}/global/health`, { headers: server().headers }); });
 * ```
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startOpencodeServer } from "./opencode-server.mjs";
import type { OpencodeServer, StartOptions } from "./opencode-server.mjs";

export type { OpencodeServer, StartOptions } from "./opencode-server.mjs";

/** Lines of server log printed when a test fails; env OPENCODE_HARNESS_LOG_LINES overrides. */
const LOG_LINES = Number(process.env.OPENCODE_HARNESS_LOG_LINES ?? 80);

/**
 * Starts one server in beforeAll and stops it in afterAll (also when tests fail); when a test fails
 * it prints the server's log tail, which is usually where the reason is.
 *
 * Call it at the top level of a test file (or inside a describe): the hooks attach to that scope.
 * @returns a getter: the server only exists once beforeAll has run, so read it inside tests/hooks.
 */
export function useOpencodeServer(options: StartOptions = {}): () => OpencodeServer {
  let server: OpencodeServer | undefined;

  beforeAll(async () => {
    server = await startOpencodeServer(options);
    // A parseable line so runs can be compared (grep OPENCODE_HARNESS_STARTUP_MS).
    console.info(`OPENCODE_HARNESS_STARTUP_MS=${server.startupMs} ${server.baseUrl}`);
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => {
      if (!server) return;
      const header = `--- opencode log tail (last ${LOG_LINES} lines) for failed test "${task.name}" ---`;
      console.error(`${header}\n${server.logTail(LOG_LINES)}\n--- end of opencode log ---`);
    });
  });

  return () => {
    if (!server) throw new Error("useOpencodeServer: the server is not started yet (use it inside tests or hooks)");
    return server;
  };
}

/** JSON fetch against the server with its auth headers; throws on a non-2xx status. */
export async function fetchJson<T = unknown>(server: OpencodeServer, route: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.baseUrl}${route}`, {
    ...init,
    headers: { "content-type": "application/json", ...server.headers, ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${route}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined/false, or times out. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
