// Starts the chat demo: an OpenCode server (embedded via the test harness, or OPENCODE_URL) and
// the Vite dev server for examples/chat in front of it. Used by `npm start` and the browser test,
// so the test runs exactly what a person runs.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";
import { freePort, startOpencodeServer } from "../../test/harness/opencode-server.mjs";
import { opencodeProxy, sameOriginGuard } from "./opencode-proxy.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CHAT_ROOT = path.join(repo, "examples/chat");

/**
 * @typedef {object} Demo
 * @property {string} url the page to open
 * @property {string} target the OpenCode server (credentials removed)
 * @property {boolean} embedded true when this process started the server
 * @property {string | undefined} password the embedded server's password (for tests; never print it)
 * @property {string | undefined} directory the embedded server's project folder
 * @property {() => Promise<void>} stop closes Vite, then stops an embedded server; idempotent
 */

/**
 * @param {{ port?: number, logLevel?: "info" | "warn" | "error" | "silent", env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<Demo>}
 */
export async function startDemo({ port, logLevel = "info", env = process.env } = {}) {
  let opencode = null;
  let target;
  let authorization;
  if (env.OPENCODE_URL) {
    target = env.OPENCODE_URL.replace(/\/+$/, "");
    const password = env.OPENCODE_SERVER_PASSWORD;
    const username = env.OPENCODE_SERVER_USERNAME || "opencode";
    if (password) authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  } else {
    // A random password on purpose: the demo then proves that the page works without knowing it.
    opencode = await startOpencodeServer({
      password: randomBytes(18).toString("base64url"),
      // A slash command the scripted model answers (the demo's "/" menu runs it).
      extraConfig: { command: { greet: { description: "Say hello", template: "hello $ARGUMENTS" } } },
    });
    target = opencode.baseUrl;
    authorization = opencode.headers.authorization;
  }
  let vite;
  try {
    vite = await createServer({
      configFile: path.join(CHAT_ROOT, "vite.config.ts"),
      logLevel,
      server: {
        host: "127.0.0.1",
        port: port ?? (await freePort()),
        strictPort: true,
        // Vite's default CORS would let other localhost origins read proxied responses.
        cors: false,
        proxy: opencodeProxy({ target, authorization }),
      },
      plugins: [sameOriginGuard()],
    });
    await vite.listen();
  } catch (error) {
    await vite?.close();
    await opencode?.stop();
    throw error;
  }
  let stopped = null;
  return {
    url: vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`,
    target: redact(target),
    embedded: opencode !== null,
    password: opencode?.password,
    directory: opencode?.directory,
    stop: () => (stopped ??= (async () => {
      await vite.close().catch(() => {});
      await opencode?.stop();
    })()),
  };
}

/**
 * `GET /global/health` of the server through the demo's proxy, as the browser will see it.
 * @returns {Promise<string>} a one-line summary
 */
export async function checkHealth(demoUrl) {
  try {
    const res = await fetch(new URL("opencode/global/health", demoUrl), { signal: AbortSignal.timeout(5000) });
    if (res.status === 401) return "password refused: check OPENCODE_SERVER_PASSWORD";
    if (!res.ok) return `health check failed: HTTP ${res.status}`;
    const body = await res.json();
    return `healthy, opencode ${body.version ?? "?"}`;
  } catch (error) {
    return `health check failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The URL without user:password@ (OPENCODE_URL may carry them). */
function redact(url) {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return "(invalid OPENCODE_URL)";
  }
}
