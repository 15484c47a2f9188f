#!/usr/bin/env node
// Browser test of examples/next: an embedded real `opencode serve` WITH a password and the
// scripted model, `next start` on the built example (OPENCODE_URL + OPENCODE_SERVER_PASSWORD in
// its server-only env), then headless chromium: the first HTML already holds the prefetched
// session list (server prefetch + HydrationBoundary) and never the password; sending "hello"
// streams the scripted reply through the route-handler proxy.
//   npm run test:next   (installs examples/next apart, builds it, runs this)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startOpencodeServer } from "../test/harness/opencode-server.mjs";
import { launchChromium } from "./demo/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const APP = path.join(ROOT, "examples/next");
const HELLO_TEXT = "Hello there! I am a fake model.";
const started = Date.now();
const step = (text) => console.log(`next: ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

let opencode;
let next;
let browser;
let failed = false;
try {
  const password = randomBytes(12).toString("hex");
  opencode = await startOpencodeServer({ password });
  step(`opencode on ${opencode.baseUrl}`);
  const port = await freePort();
  next = spawn(process.execPath, [path.join(APP, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP,
    env: { ...process.env, OPENCODE_URL: opencode.baseUrl, OPENCODE_SERVER_PASSWORD: password, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  next.stdout.on("data", (chunk) => (log += chunk));
  next.stderr.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}/`;
  let html = "";
  for (let i = 0; i < 240 && html === ""; i += 1) {
    await new Promise((r) => setTimeout(r, 250));
    html = await fetch(url).then((r) => (r.ok ? r.text() : ""), () => "");
  }
  if (html === "") throw new Error(`next start did not answer at ${url}:\n${log}`);
  step("next start answers");
  if (!html.includes("Next.js chat")) throw new Error("the first HTML lacks the prefetched session list (no server prefetch?)");
  if (html.includes(password)) throw new Error("the password reached the HTML");

  browser = await launchChromium();
  const page = await browser.context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(url);
  await page.getByRole("listitem").filter({ hasText: "Next.js chat" }).first().waitFor({ timeout: 30_000 });
  step("hydrated page shows the session list");
  await page.getByLabel("message").fill("hello");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByTestId("reply").filter({ hasText: HELLO_TEXT }).waitFor({ timeout: 60_000 });
  await page.getByTestId("status").filter({ hasText: /^idle$/ }).waitFor({ timeout: 30_000 });
  step("the reply streamed through the proxy");
  if (requests.some((u) => u.startsWith(opencode.baseUrl))) throw new Error("the browser called the OpenCode server directly");
  if (!requests.some((u) => u.includes("/api/opencode/event"))) throw new Error("the browser did not open the feed through the proxy");
  console.log("next: 1 passed, 0 failed");
} catch (error) {
  failed = true;
  console.error(`next: FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close();
  next?.kill("SIGTERM");
  await opencode?.stop();
}
process.exit(failed ? 1 : 0);
