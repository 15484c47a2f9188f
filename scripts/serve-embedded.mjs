#!/usr/bin/env node
// Runs a real `opencode serve` + the scripted fake model for the demo, until Ctrl-C.
//
//   node scripts/serve-embedded.mjs [--password PW] [--port N] [--log-level DEBUG|INFO|WARN|ERROR] [--keep]
//
// Prints KEY=value lines (BASE_URL, PROJECT_DIR, LLM_URL, RUN_DIR, LOG_FILE, STARTUP_MS, and
// PASSWORD when set), then "READY". Ctrl-C / SIGTERM stops the server and removes its temp folder
// (unless --keep). Programs should import startOpencodeServer from test/harness/opencode-server.mjs.
import path from "node:path";
import { parseArgs } from "node:util";
import { startOpencodeServer } from "../test/harness/opencode-server.mjs";

const { values } = parseArgs({
  options: {
    password: { type: "string" },
    port: { type: "string" },
    "log-level": { type: "string", default: "INFO" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log("usage: node scripts/serve-embedded.mjs [--password PW] [--port N] [--log-level LEVEL] [--keep]");
  process.exit(0);
}

const level = String(values["log-level"]).toUpperCase();
let server;
try {
  server = await startOpencodeServer({
    password: values.password || process.env.OPENCODE_HARNESS_PASSWORD || undefined,
    port: values.port ? Number(values.port) : undefined,
    logLevel: /** @type {"DEBUG" | "INFO" | "WARN" | "ERROR"} */ (level),
    keepRunDir: values.keep || undefined,
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const lines = {
  BASE_URL: server.baseUrl,
  PROJECT_DIR: server.directory,
  LLM_URL: server.llmUrl,
  RUN_DIR: server.runDir,
  LOG_FILE: path.join(server.runDir, "opencode.log"),
  STARTUP_MS: server.startupMs,
  ...(server.password ? { PASSWORD: server.password } : {}),
};
for (const [k, v] of Object.entries(lines)) console.log(`${k}=${v}`);
console.log("READY (Ctrl-C to stop)");

let stopping = false;
async function shutdown(sig) {
  if (stopping) {
    // Second Ctrl-C: leave now; the harness watchdog still stops the server and removes the folder.
    process.exit(130);
  }
  stopping = true;
  console.error(`\n${sig}: stopping opencode (pid ${server.pid})...`);
  await server.stop();
  console.error(values.keep ? `stopped; kept ${server.runDir}` : "stopped");
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
