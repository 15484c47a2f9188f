/**
 * docs/testing.md, "MSW": one catch-all handler hands every request to `fake.fetch`, so an app
 * that calls the real `fetch` (and never sees the fake) talks to the fake server, event stream
 * included. The code below is the recipe's (imports from src/ instead of the package names).
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { createFakeOpencode } from "../../src/testing";

const fake = createFakeOpencode({ baseUrl: "http://opencode.test:4096", scenario: "hello" });
const server = setupServer(http.all(`${fake.baseUrl}/*`, ({ request }) => fake.fetch(request)));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  fake.close();
});

it("creates a session, streams a reply over the feed and reads the stored messages, all through MSW", async () => {
  // The app's own client: the real fetch, which MSW intercepts (created after listen()).
  const client = createOpencodeClient({ baseUrl: fake.baseUrl });
  const session = await client.sessions.create({ title: "Through MSW" });
  expect(fake.server.instance().sessions.get(session.id)?.title).toBe("Through MSW");

  const texts: string[] = [];
  const idle = new Promise<void>((resolve) => {
    client.events.subscribe(
      (event) => {
        if (event.type === "message.part.updated") texts.push(String((event.properties.part as { text?: string }).text ?? ""));
        if (event.type === "session.idle") resolve();
      },
      { sessionId: session.id },
    );
  });
  await client.prompt(session.id, { text: "hello" });
  await idle;
  expect(texts).toContain("Hello there! I am a fake model.");
  const { items } = await client.messages.list(session.id);
  expect(items.map((m) => m.info.role)).toEqual(["user", "assistant"]);
  expect(fake.requests().filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/session", `/session/${session.id}/prompt_async`]);
});
