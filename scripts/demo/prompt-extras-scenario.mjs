// Browser steps for the prompt extras of the chat demo (issue 13): the model + agent picker, a
// slash command from the "/" menu, and an @file mention picked from the autocomplete.
import fs from "node:fs";
import path from "node:path";

const HELLO = "Hello there! I am a fake model.";

/**
 * @param {{ page: import("playwright-core").Page, demo: import("./start-demo-server.mjs").Demo, out: string,
 *   step: (name: string, fn: () => Promise<void>) => Promise<void>, send: (text: string) => Promise<void>, idle: () => Promise<void> }} options
 */
export async function runPromptExtras({ page, demo, out, step, idle }) {
  const composer = page.getByRole("textbox", { name: "Message" });
  const helloCount = () => page.getByTestId("text-part").filter({ hasText: HELLO }).count();
  // The file the @-mention step finds; written early, as the server's file index may lag a new file.
  if (demo.directory) {
    fs.mkdirSync(path.join(demo.directory, "src"), { recursive: true });
    fs.writeFileSync(path.join(demo.directory, "src", "greeting.ts"), "export const greeting = 'hi';\n");
  }

  await step("the picker shows the server's default model and agent; pick another agent", async () => {
    const model = page.getByRole("combobox", { name: "Model" });
    const agent = page.getByRole("combobox", { name: "Agent" });
    await page.waitForFunction(() => document.querySelector('select[aria-label="Model"]')?.value === "fake/fake-model");
    await page.waitForFunction(() => document.querySelector('select[aria-label="Agent"]')?.value === "build");
    const agents = await agent.locator("option").allInnerTexts();
    if (!agents.includes("plan")) throw new Error(`agents offered: ${agents.join(", ")}`);
    await agent.selectOption("plan");
    await agent.selectOption("build");
    if ((await model.locator("option").count()) < 2) throw new Error("the model list has fewer than the two scripted models");
  });

  await step('a slash command: "/gr" offers /greet, running it streams the reply', async () => {
    const before = await helloCount();
    await composer.fill("/gr");
    await page.getByRole("listbox", { name: "Commands" }).getByRole("button", { name: /\/greet/ }).click();
    const typed = await composer.inputValue();
    if (typed !== "/greet ") throw new Error(`composer holds ${JSON.stringify(typed)} after picking the command`);
    await composer.fill("/greet world");
    await composer.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="text-part"]').length > 0 && [...document.querySelectorAll('[data-testid="text-part"]')].filter((e) => e.textContent?.includes("Hello there!")).length > n, before, { timeout: 30_000 });
    await idle();
  });
  await page.screenshot({ path: path.join(out, "04-command.png") });

  await step("an @-mention: '@greet' offers the project file, the prompt carries it", async () => {
    const option = page.getByRole("listbox", { name: "Files" }).getByRole("button", { name: "@src/greeting.ts" });
    // Each query is a new search: retry with a longer one if the index has not seen the file yet.
    for (const query of ["gree", "greet", "greeti", "greetin", "greeting"]) {
      await composer.fill(`hello @${query}`);
      if (await option.waitFor({ timeout: 4000 }).then(() => true, () => false)) break;
    }
    await option.click();
    const typed = await composer.inputValue();
    if (typed !== "hello @src/greeting.ts ") throw new Error(`composer holds ${JSON.stringify(typed)} after picking the file`);
    await composer.press("Enter");
    await page.getByTestId("user-message").filter({ hasText: "@src/greeting.ts" }).last().waitFor();
    // The server adds "Called the Read tool ..." for the attached file; the scripted model reads
    // "tool" in it and asks to run bash: allow it, then the turn ends.
    const prompt = page.getByTestId("permission-prompt");
    await prompt.or(page.locator('[data-testid="stream-status"][data-status="idle"]')).first().waitFor({ timeout: 30_000 });
    if (await prompt.count()) await prompt.getByRole("button", { name: "Allow once" }).click();
    await idle();
  });
  await page.screenshot({ path: path.join(out, "05-mention.png") });
}
