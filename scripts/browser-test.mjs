#!/usr/bin/env node
// Browser test of the chat demo: starts what `npm start` starts (embedded real opencode + Vite),
// drives it in headless Debian chromium, and saves screenshots under test-results/browser/.
//   node scripts/browser-test.mjs        (npm run test:browser)
// Ends with "browser: N passed, N failed"; exits non-zero on any failure, chromium missing included.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runChatScenario } from "./demo/chat-scenario.mjs";
import { launchChromium } from "./demo/chromium.mjs";
import { startDemo } from "./demo/start-demo-server.mjs";

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test-results/browser");
const BUDGET_MS = 180_000; // the whole run; it normally takes ~30 s, more on a loaded machine
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

let demo;
let browser;
let finished = false;

async function cleanup() {
  await browser?.close();
  await demo?.stop();
}

async function finish(error) {
  if (finished) return;
  finished = true;
  if (error) {
    // What the page looked like when it failed, beside the step screenshots.
    await browser?.context
      .pages()[0]
      ?.screenshot({ path: path.join(OUT, "failure.png"), timeout: 5000 })
      .then(() => console.error(`  (screenshot: ${path.relative(process.cwd(), path.join(OUT, "failure.png"))})`))
      .catch(() => {});
  }
  await cleanup().catch(() => {});
  if (error) {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`);
    console.log(`browser test took ${secs(Date.now() - started)}`);
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  }
  console.log(`browser test took ${secs(Date.now() - started)}`);
  console.log("browser: 1 passed, 0 failed");
  process.exit(0);
}

const budget = setTimeout(() => void finish(new Error(`timed out after ${secs(BUDGET_MS)}`)), BUDGET_MS);
budget.unref();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void finish(new Error(`interrupted (${signal})`)));

/** Runs one named step and prints how long it took; a failure names the step. */
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { cause: error });
  }
  console.log(`  ✓ ${name} (${secs(Date.now() - t0)})`);
}

try {
  mkdirSync(OUT, { recursive: true });
  console.log("browser test: chat demo on an embedded opencode server, headless chromium");
  await step("start chromium", async () => {
    browser = await launchChromium();
  });
  await step("start the demo (opencode + vite)", async () => {
    demo = await startDemo({ logLevel: "warn", droppable: true });
  });
  await runChatScenario({ context: browser.context, demo, out: OUT, step });
  await finish();
} catch (error) {
  await finish(error);
}
