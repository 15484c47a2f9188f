#!/usr/bin/env node
// Every story in a real browser: builds Storybook (npm run build-storybook), serves the static
// build, opens each story in headless Debian chromium, lets its play function run, checks it with
// axe (no serious or critical violation) and saves a screenshot under test-results/storybook/.
//   node scripts/storybook-test.mjs            (npm run test:storybook)
//   node scripts/storybook-test.mjs --no-build (reuse storybook-static/)
// Ends with "storybook: N passed, N failed"; exits non-zero on any failure.
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./demo/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STATIC = path.join(ROOT, "storybook-static");
const OUT = path.join(ROOT, "test-results/storybook");
const STORY_TIMEOUT_MS = 30_000;
const SERIOUS = new Set(["serious", "critical"]);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };

/** A static file server for storybook-static/ on a free port. */
function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let file = path.join(STATIC, decodeURIComponent(url.pathname));
    if (!file.startsWith(STATIC)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Runs in the page before Storybook boots: records how the story's render (and play) finished.
function recordStoryEnd() {
  const result = { finished: null, errors: [] };
  window.__storyTest = result;
  const attach = () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) return void setTimeout(attach, 5);
    channel.on("storyFinished", (event) => (result.finished = event));
    for (const name of ["playFunctionThrewException", "storyThrewException", "storyErrored", "storyMissing", "unhandledErrorsWhilePlaying"]) {
      channel.on(name, (error) => result.errors.push(`${name}: ${JSON.stringify(error)?.slice(0, 500)}`));
    }
  };
  attach();
}

async function runStory(page, base, story, axeSource) {
  const pageErrors = [];
  const onError = (error) => pageErrors.push(error.message);
  page.on("pageerror", onError);
  try {
    // The first story loads the preview; the next ones switch stories in it, as Storybook's UI
    // does (a full page load per story costs seconds on a busy machine).
    const booted = await page.evaluate(() => window.__storyTest?.booted === true).catch(() => false);
    if (booted) {
      await page.evaluate((storyId) => {
        window.__storyTest.finished = null;
        window.__storyTest.errors = [];
        window.__STORYBOOK_ADDONS_CHANNEL__.emit("setCurrentStory", { storyId, viewMode: "story" });
      }, story.id);
    } else {
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=pace:0`);
    }
    await page.waitForFunction(() => window.__storyTest?.finished !== null || (window.__storyTest?.errors.length ?? 0) > 0, null, { timeout: STORY_TIMEOUT_MS });
    const { finished, errors } = await page.evaluate(() => {
      window.__storyTest.booted = true;
      return window.__storyTest;
    });
    if (errors.length > 0 || finished?.status !== "success") {
      throw new Error(`play function failed: ${errors.join(" | ") || JSON.stringify(finished)}`);
    }
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document.querySelector("#storybook-root") ?? document.body, { resultTypes: ["violations"] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" ") }));
    });
    await page.screenshot({ path: path.join(OUT, `${story.id}.png`) });
    const serious = violations.filter((v) => SERIOUS.has(v.impact));
    if (serious.length > 0) throw new Error(`axe: ${serious.map((v) => `${v.id} (${v.impact}, ${v.nodes}×, e.g. ${v.target}): ${v.help}`).join("; ")}`);
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join(" | ")}`);
    return violations.length;
  } finally {
    page.off("pageerror", onError);
  }
}

let browser;
let server;
let failed = 0;
let passed = 0;
try {
  if (!process.argv.includes("--no-build")) {
    const t0 = Date.now();
    execFileSync("npm", ["run", "build-storybook", "--silent", "--", "--quiet"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    console.log(`storybook built (${secs(Date.now() - t0)})`);
  }
  rmSync(OUT, { recursive: true, force: true }); // no stale screenshot of an earlier run
  mkdirSync(OUT, { recursive: true });
  const index = JSON.parse(readFileSync(path.join(STATIC, "index.json"), "utf8"));
  const stories = Object.values(index.entries).filter((entry) => entry.type === "story");
  const axeSource = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium({ viewport: { width: 1100, height: 760 } });
  await browser.context.addInitScript(recordStoryEnd);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  console.log(`storybook test: ${stories.length} stories in headless chromium`);
  for (const story of stories) {
    const t0 = Date.now();
    try {
      const minor = await runStory(page, base, story, axeSource);
      passed += 1;
      console.log(`  ✓ ${story.title} / ${story.name} (${secs(Date.now() - t0)}${minor > 0 ? `, ${minor} minor axe finding(s)` : ""})`);
    } catch (error) {
      failed += 1;
      await page.screenshot({ path: path.join(OUT, `${story.id}.failed.png`) }).catch(() => {});
      // Start the next story from a fresh page load.
      await page.evaluate(() => window.__storyTest && (window.__storyTest.booted = false)).catch(() => {});
      console.error(`  ✗ ${story.title} / ${story.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }
  if (stories.length === 0) failed += 1;
} catch (error) {
  failed += 1;
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close();
  server?.close();
}
console.log(`storybook test took ${secs(Date.now() - started)} (screenshots: ${path.relative(ROOT, OUT)}/)`);
console.log(`storybook: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
