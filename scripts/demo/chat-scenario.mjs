// What the browser test does in the page, step by step (scripts/browser-test.mjs runs it).
import path from "node:path";
import { runPromptExtras } from "./prompt-extras-scenario.mjs";
import { runReconnect } from "./reconnect-scenario.mjs";
import { runHistory } from "./history-scenario.mjs";

const HELLO = "Hello there! I am a fake model.";

/**
 * @param {{ context: import("playwright-core").BrowserContext, demo: import("./start-demo-server.mjs").Demo,
 *   out: string, step: (name: string, fn: () => Promise<void>) => Promise<void> }} options
 */
export async function runChatScenario({ context, demo, out, step }) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors = [];
  const leaks = [];
  page.on("pageerror", (error) => {
    pageErrors.push(error.message);
    console.error(`  page error: ${error.message}`);
  });
  page.on("console", (message) => message.type() === "error" && console.error(`  console error: ${message.text()}`));
  // The proxy adds the credentials: nothing the browser sends may carry them.
  page.on("request", (request) => {
    const url = request.url();
    if (request.headers().authorization || (demo.password && url.includes(demo.password))) leaks.push(url);
  });
  const shot = (name) => page.screenshot({ path: path.join(out, name) });
  const composer = page.getByRole("textbox", { name: "Message" });
  const idle = () => page.locator('[data-testid="stream-status"][data-status="idle"]').waitFor();
  const send = async (text) => {
    await composer.fill(text);
    await composer.press("Enter");
    await page.getByTestId("user-message").filter({ hasText: text }).last().waitFor();
  };

  await step("open the page (server healthy through the proxy)", async () => {
    await page.goto(demo.url);
    await page.getByText(/^OpenCode \d+\./).waitFor();
  });

  await step("create a session", async () => {
    await page.getByRole("button", { name: "New chat", exact: true }).click();
    await page.locator(".session-item.selected").waitFor();
    await composer.waitFor();
  });

  await step(`send "hello", see "${HELLO}" stream in`, async () => {
    await send("hello");
    // The first turn of a fresh server loads plugins first: allow it more time.
    await page.getByTestId("text-part").filter({ hasText: HELLO }).waitFor({ timeout: 30_000 });
    await idle();
  });
  await shot("01-hello.png");

  await step('send "tool", see the permission prompt', async () => {
    await send("tool");
    const prompt = page.getByTestId("permission-prompt");
    await prompt.filter({ hasText: "echo hi" }).waitFor();
    await page.locator('[data-testid="stream-status"][data-status="awaiting-input"]').waitFor();
  });
  await shot("02-permission.png");

  await step("allow once; the tool completes with output hi, then the follow-up", async () => {
    await page.getByTestId("permission-prompt").getByRole("button", { name: "Allow once" }).click();
    await page.getByTestId("permission-prompt").waitFor({ state: "detached" });
    const card = page.locator('[data-testid="tool-card"][data-status="completed"]');
    await card.waitFor();
    const output = (await card.getByTestId("tool-output").innerText()).trim();
    if (output !== "hi") throw new Error(`tool output is ${JSON.stringify(output)}, expected "hi"`);
    await page.getByTestId("text-part").filter({ hasText: "Tool result received" }).waitFor();
    await idle();
  });
  await shot("03-tool.png");

  await step('send "question", answer "Red": the prompt goes, the question tool completes', async () => {
    await send("question");
    const prompt = page.getByTestId("question-prompt");
    await prompt.filter({ hasText: "Which color do you prefer?" }).waitFor();
    await page.locator('[data-testid="stream-status"][data-status="awaiting-input"]').waitFor();
    await prompt.getByRole("button", { name: /Red/ }).click();
    await prompt.waitFor({ state: "detached" });
    await page.locator('[data-testid="tool-card"][data-status="completed"]').last().waitFor();
    await idle();
  });
  await shot("04-question.png");

  await step('send "slow", press Stop mid-stream: the turn ends early, marked stopped', async () => {
    await send("slow");
    await page.getByTestId("text-part").filter({ hasText: "slow0" }).last().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Stop" }).click();
    await idle();
    await page.getByTestId("stopped").last().waitFor();
    const text = await page.getByTestId("text-part").last().innerText();
    if (text.includes("slow39")) throw new Error("the slow reply ran to its end despite Stop");
  });
  await shot("05-stopped.png");

  await step("rename the session", async () => {
    await page.locator(".session-item.selected").getByRole("button", { name: /^Rename / }).click();
    const title = page.getByRole("textbox", { name: "Session title" });
    await title.fill("Browser test chat");
    await title.press("Enter");
    await page.getByRole("heading", { name: "Browser test chat" }).waitFor();
  });

  await runPromptExtras({ page, demo, out, step, send, idle });

  await step("open the devtools: the feed is open and the session's reply store is listed", async () => {
    await page.getByRole("button", { name: "OpenCode devtools" }).click();
    const panel = page.getByTestId("opencode-devtools");
    await panel.getByTestId("devtools-feed-status").filter({ hasText: /^open$/ }).waitFor();
    await panel.getByRole("table", { name: "Reply stores" }).getByText("idle", { exact: true }).first().waitFor();
    await panel.getByRole("table", { name: "Last events" }).getByText("session.idle").first().waitFor();
  });
  await shot("04-devtools.png");

  // Last before the reconnect: it opens another session (a long one).
  await runHistory({ page, demo, step, send, idle });

  if (demo.link) {
    await runReconnect({ page, demo, step });
    await shot("06-reconnected.png");
  }

  await step("no credentials in the browser, no page errors", async () => {
    if (leaks.length > 0) throw new Error(`requests carried credentials: ${leaks.join(", ")}`);
    if (demo.password && (await page.content()).includes(demo.password)) throw new Error("the page contains the password");
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join(" | ")}`);
  });
}
