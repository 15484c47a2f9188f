// Starts the chat demo: an OpenCode server (embedded via the test harness, or OPENCODE_URL) and
// the Vite dev server for examples/chat in front of it. Used by `npm start` and the browser test,
// so the test runs exactly what a person runs.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, createServer } from "vite";
import { freePort, startOpencodeServer } from "../../test/harness/opencode-server.mjs";
import { startNetworkLink } from "./network-link.mjs";
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
 * @property {{ baseUrl: string, headers: Record<string, string> } | undefined} server the server itself, bypassing the
 *   proxy and the link (tests change things behind the page's back with it; never print the headers)
 * @property {import("./network-link.mjs").NetworkLink | undefined} link with `droppable`: the cuttable link
 *   between the Vite proxy and the server
 * @property {() => Promise<void>} stop closes Vite, then stops an embedded server; idempotent
 */

/**
 * @param {{ port?: number, logLevel?: "info" | "warn" | "error" | "silent", env?: NodeJS.ProcessEnv, droppable?: boolean }} [options]
 *   droppable: route the proxy through a link the caller can cut (the browser test's reconnect step)
 * @returns {Promise<Demo>}
 */
export async function startDemo({ port, logLevel = "info", env = process.env, droppable = false } = {}) {
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
  let link;
  try {
    link = droppable ? await startNetworkLink(target) : undefined;
    vite = await createServer({
      configFile: path.join(CHAT_ROOT, "vite.config.ts"),
      logLevel,
      customLogger: link ? quietWhileDown(createLogger(logLevel), link) : undefined,
      server: {
        host: "127.0.0.1",
        port: port ?? (await freePort()),
        strictPort: true,
        // Vite's default CORS would let other localhost origins read proxied responses.
        cors: false,
        proxy: opencodeProxy({ target: link ? link.url + new URL(target).pathname.replace(/\/$/, "") : target, authorization }),
      },
      plugins: [sameOriginGuard()],
    });
    await vite.listen();
  } catch (error) {
    await vite?.close();
    await link?.close();
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
    server: { baseUrl: target, headers: authorization ? { authorization } : {} },
    link,
    stop: () => (stopped ??= (async () => {
      await vite.close().catch(() => {});
      await link?.close();
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

/** Vite's logger minus the proxy errors a deliberately cut link causes (one per refused request). */
function quietWhileDown(logger, link) {
  return {
    ...logger,
    error(message, options) {
      if (link.isDown() && String(message).includes("http proxy error")) return;
      logger.error(message, options);
    },
  };
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
