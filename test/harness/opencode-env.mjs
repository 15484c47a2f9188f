// Pure helpers for opencode-server.mjs: binary path, free port, config and the isolated environment.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureOpencodeBinary } from "./ensure-opencode.mjs";

/** Repo root, from this file's location (test/harness/..): works from a fresh clone, no ../shared. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The opencode binary: explicit argument, else opencode-ai@`version` when given, else env
 * OPENCODE_BIN, else opencode-ai@OPENCODE_VERSION (default the pinned one), installed on demand
 * outside the clone (see ensure-opencode.mjs).
 * @param {string} [binary]
 * @param {string} [version]
 * @returns {string}
 */
export function resolveOpencodeBinary(binary, version) {
  const bin = binary || (version ? ensureOpencodeBinary(version) : process.env.OPENCODE_BIN || ensureOpencodeBinary());
  if (!fs.existsSync(bin)) throw new Error(`opencode binary not found at ${bin}: unset OPENCODE_BIN to use the pinned one`);
  return bin;
}

/**
 * A port that was free on 127.0.0.1 a moment ago. `opencode serve --port 0` does NOT pick a free
 * port (it takes 4096), so we ask the kernel ourselves; the tiny race is covered by a retry.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `Authorization` header value for a server started with OPENCODE_SERVER_PASSWORD (user "opencode").
 * @param {string} password
 */
export function basicAuth(password) {
  return "Basic " + Buffer.from(`opencode:${password}`).toString("base64");
}

/**
 * The opencode.json that routes every model call to the fake LLM and sets the permissions the
 * scenarios rely on (bash asks, edit is allowed, webfetch and other folders are denied).
 * @param {string} llmUrl  the fake LLM's base URL ending in /v1
 * @param {Record<string, unknown>} [extra] shallow-merged on top (top-level keys replace ours)
 */
export function buildConfig(llmUrl, extra = {}) {
  return {
    $schema: "https://opencode.ai/config.json",
    model: "fake/fake-model",
    small_model: "fake/fake-small",
    enabled_providers: ["fake"],
    autoupdate: false,
    share: "disabled",
    provider: {
      fake: {
        npm: "@ai-sdk/openai-compatible",
        name: "Fake LLM",
        options: { baseURL: llmUrl, apiKey: "fake-key" },
        models: {
          "fake-model": {
            name: "Fake Model",
            tool_call: true,
            reasoning: false,
            attachment: false,
            temperature: true,
            limit: { context: 128000, output: 8192 },
            cost: { input: 0, output: 0 },
          },
          "fake-small": { name: "Fake Small", tool_call: false, limit: { context: 32000, output: 1024 } },
        },
      },
    },
    permission: { bash: "ask", edit: "allow", webfetch: "deny", external_directory: "deny" },
    ...extra,
  };
}

/**
 * Environment for the server: the caller's, minus anything that could leak the developer's own
 * opencode or npm setup (OPENCODE_*, npm_*), plus a fresh HOME/XDG tree and the offline switches.
 * @param {{ home: string, configPath: string, password?: string, env?: Record<string, string> }} o
 * @returns {Record<string, string>}
 */
export function isolatedEnv({ home, configPath, password, env = {} }) {
  if (!home || !path.isAbsolute(home)) throw new Error(`refusing to start opencode with HOME=${JSON.stringify(home)}`);
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(process.env)) {
    // npm run sets npm_config_cache/prefix etc.: the plugin install must not touch the user's cache.
    if (v !== undefined && !/^(OPENCODE_|npm_)/i.test(k)) out[k] = v;
  }
  Object.assign(out, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    XDG_STATE_HOME: path.join(home, ".local", "state"),
    OPENCODE_CONFIG: configPath,
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
    OPENCODE_DISABLE_SHARE: "1",
    OPENCODE_ENABLE_QUESTION_TOOL: "1",
    OPENCODE_DISABLE_CLAUDE_CODE: "1",
    OPENCODE_DISABLE_EXTERNAL_SKILLS: "1",
    OPENCODE_EXPERIMENTAL_DISABLE_FILEWATCHER: "1",
    // The server installs @opencode-ai/plugin in the background; a dead loopback registry makes
    // that fail at once offline instead of hanging on DNS/proxy timeouts. Nothing needs it.
    npm_config_registry: "http://127.0.0.1:9/",
    // Keep loopback calls (to the fake LLM) away from any corporate proxy.
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  });
  if (password) out.OPENCODE_SERVER_PASSWORD = password;
  return Object.assign(out, env);
}

/** Keeps the last `max` characters of a growing log (a bulk turn at DEBUG can log megabytes). */
export class LogTail {
  constructor(max = 1_000_000) {
    this.max = max;
    this.text = "";
  }
  /** @param {string} chunk */
  push(chunk) {
    this.text += chunk;
    if (this.text.length > this.max * 1.5) this.text = this.text.slice(-this.max);
  }
  /** @param {number} [lines] the last N lines, or everything */
  tail(lines) {
    return lines ? this.text.split("\n").slice(-lines - 1).join("\n") : this.text;
  }
}
