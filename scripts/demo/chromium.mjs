// Launches Debian's chromium (apt-get install chromium) through playwright-core, which ships no
// browser of its own: a fresh profile per run, no background traffic, no sandbox (root in CI).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Throws a message that says how to get chromium when it is not installed. */
export function assertChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  throw new Error(
    `chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
      "(CI installs .ci/apt-packages), or set CHROMIUM_PATH.",
  );
}

/**
 * A browser context on a throwaway profile (playwright passes it as --user-data-dir).
 * @returns {Promise<{ context: import("playwright-core").BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium({ viewport = { width: 1280, height: 800 } } = {}) {
  assertChromium();
  const profile = mkdtempSync(path.join(tmpdir(), "opencode-demo-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      viewport,
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let closed = null;
  return {
    context,
    close: () => (closed ??= (async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    })()),
  };
}
