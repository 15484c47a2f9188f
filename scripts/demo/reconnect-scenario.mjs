// Browser step of the chat demo for a dropped feed (issue 17): the network between the demo and
// the server goes down under the open page, the server changes meanwhile (a new session, a rename,
// a stored message), and once the network is back the page reconnects and shows all of it
// without a reload. The server keeps no event replay, so only the refetch on reconnect can show it.
import { serverCall } from "./server-call.mjs";

/**
 * @param {{ page: import("playwright-core").Page, demo: import("./start-demo-server.mjs").Demo,
 *   step: (name: string, fn: () => Promise<void>) => Promise<void> }} options
 */
export async function runReconnect({ page, demo, step }) {
  const { link, server } = demo;
  if (!link || !server) throw new Error("the reconnect step needs startDemo({ droppable: true }) and an embedded server");
  const panel = page.getByTestId("opencode-devtools");
  const feedStatus = panel.getByTestId("devtools-feed-status");
  const reconnects = async () => Number(/reconnects (\d+)/.exec(await panel.getByTestId("devtools-feed").innerText())?.[1]);
  /** Straight to the server, around the cut link (as another client would). */
  const call = serverCall(server);

  await step("the network drops under the page; what changed on the server meanwhile shows once it is back", async () => {
    if (!(await panel.isVisible())) await page.getByRole("button", { name: "OpenCode devtools" }).click();
    await feedStatus.filter({ hasText: /^open$/ }).waitFor();
    const before = await reconnects();
    const sessionId = await page.evaluate(() => decodeURIComponent(location.hash.replace("#/session/", "")));
    if (!sessionId.startsWith("ses")) throw new Error(`no session selected (hash ${sessionId})`);

    const dropped = link.down();
    if (dropped === 0) throw new Error("no live connection to drop: the feed was not going through the link");
    // The page's stream ends with the link (the demo's proxy passes the drop on).
    await feedStatus.filter({ hasNotText: /^open$/ }).waitFor();
    // The user sees it too, in the sidebar (useFeedStatus), not only in the devtools.
    await page.locator(".server-status").filter({ hasText: /Reconnecting|Offline/ }).waitFor();
    const added = await call("POST", "/session", { title: "Made while away" });
    await call("PATCH", `/session/${sessionId}`, { title: "Renamed while away" });
    await call("POST", `/session/${sessionId}/message`, { noReply: true, parts: [{ type: "text", text: "stored while away" }] });
    // Still down: the page had no way to hear of any of it.
    if ((await feedStatus.innerText()) === "open") throw new Error("the feed reopened while the link was down");

    link.up();
    await feedStatus.filter({ hasText: /^open$/ }).waitFor({ timeout: 30_000 });
    await page.locator('.server-status[data-feed="open"]').filter({ hasNotText: /Reconnecting|Offline/ }).waitFor();
    const after = await reconnects();
    if (!(after > before)) throw new Error(`reconnects went from ${before} to ${after}`);
    const shows = (what, locator) => locator.waitFor().catch(() => Promise.reject(new Error(`after the reconnect the page never showed ${what}`)));
    await shows("the session made while away in the list", page.locator(".session-item").filter({ hasText: "Made while away" }));
    await shows("the rename made while away", page.getByRole("heading", { name: "Renamed while away" }));
    await shows("the message stored while away", page.getByTestId("user-message").filter({ hasText: "stored while away" }));
    // The new session is listed, not selected: the page stayed on the conversation it showed.
    const selected = await page.evaluate(() => location.hash);
    if (selected.includes(added.id)) throw new Error("the page switched to the session made while away");
  });
}
