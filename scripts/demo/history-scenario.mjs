// Browser steps of the chat demo for the conversation list itself (issue 11): the previous answer
// never leaves the screen while the next prompt is posted and answered (the old "Connecting..."
// flicker), and a long session opens on its newest page and loads older pages on scroll.
import { serverCall } from "./server-call.mjs";

/**
 * Watches the page from now on: every DOM change is checked (a MutationObserver runs after each
 * React commit, before paint) for texts that must stay on screen.
 * @param {import("playwright-core").Page} page
 * @param {string[]} texts
 */
async function watchStaysVisible(page, texts) {
  await page.evaluate((wanted) => {
    const timeline = document.querySelector(".timeline");
    if (!timeline) throw new Error("no .timeline in the page");
    const missing = [];
    const check = () => {
      const shown = timeline.textContent ?? "";
      for (const text of wanted) if (!shown.includes(text) && !missing.includes(text)) missing.push(text);
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(timeline, { subtree: true, childList: true, characterData: true });
    window.__staysVisible = { missing, stop: () => observer.disconnect() };
  }, texts);
  return async () =>
    page.evaluate(() => {
      window.__staysVisible.stop();
      return window.__staysVisible.missing;
    });
}

/**
 * @param {{ page: import("playwright-core").Page, demo: import("./start-demo-server.mjs").Demo,
 *   step: (name: string, fn: () => Promise<void>) => Promise<void>,
 *   send: (text: string) => Promise<void>, idle: () => Promise<void> }} options
 */
export async function runHistory({ page, demo, step, send, idle }) {
  await step("the previous answer stays on screen while the next prompt is posted and answered", async () => {
    const previous = (await page.getByTestId("text-part").last().innerText()).trim();
    const answers = page.getByTestId("text-part").filter({ hasText: "Hello there!" });
    const before = await answers.count();
    const stop = await watchStaysVisible(page, [previous]);
    await send("hello again");
    await answers.nth(before).waitFor({ timeout: 30_000 });
    await idle();
    const missing = await stop();
    if (missing.length > 0) throw new Error(`left the screen during the next turn: ${missing.join(" | ")}`);
  });

  if (!demo.server) return;
  const call = serverCall(demo.server);
  await step("a long session opens on its newest messages and loads older pages on scroll", async () => {
    const session = await call("POST", "/session", { title: "Long history" });
    // 45 stored messages: three pages of the demo's 20.
    for (let i = 1; i <= 45; i++) await call("POST", `/session/${session.id}/message`, { noReply: true, parts: [{ type: "text", text: `history ${i}.` }] });
    await page.locator(".session-item").filter({ hasText: "Long history" }).getByRole("button").first().click();
    await page.getByRole("heading", { name: "Long history" }).waitFor();
    const message = (n) => page.getByTestId("user-message").filter({ hasText: `history ${n}.` });
    await message(45).waitFor();
    if ((await message(1).count()) > 0) throw new Error("the whole history loaded at once, not its newest page");
    // Scrolling to the top shows the sentinel: older pages load until the first message is there.
    const scroller = page.getByRole("region", { name: "Messages" }).or(page.locator(".timeline-scroll"));
    for (let tries = 0; tries < 10 && (await message(1).count()) === 0; tries++) {
      await scroller.first().evaluate((el) => el.scrollTo({ top: 0 }));
      await page.waitForTimeout(300);
    }
    await message(1).waitFor({ timeout: 5_000 });
    const count = await page.getByTestId("user-message").filter({ hasText: /^history \d+\.$/ }).count();
    if (count !== 45) throw new Error(`after loading every page the list shows ${count} of 45 messages`);
  });
}
