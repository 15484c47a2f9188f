/**
 * Seeded history (`fake.addSession({ title, messages })` with the `history` builders) and
 * `fake.fetch(request)` honouring a `Request`'s method, headers and body (what an MSW handler
 * or a service worker passes on).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createFakeOpencode, history, type FakeOpencode } from "../../src/testing";

let fake: FakeOpencode | undefined;
afterEach(() => fake?.close());

describe("seeded history", () => {
  it("stores the messages in order, each answer linked to its question, paged like the server", async () => {
    fake = createFakeOpencode();
    const session = fake.addSession({ title: "Long one", messages: history.conversation(100) });
    expect((await fake.client.sessions.get(session.id)).title).toBe("Long one");
    const newest = await fake.client.messages.list(session.id, { limit: 50 });
    expect(newest.items).toHaveLength(50);
    expect(newest.items.at(-1)?.parts[0]).toMatchObject({ type: "text", text: "Answer 100" });
    expect(newest.nextCursor).toBeDefined();
    const all = await fake.client.messages.list(session.id);
    expect(all.items).toHaveLength(200);
    const ids = all.items.map((m) => m.info.id);
    expect([...ids].sort()).toEqual(ids);
    const [question, answer] = all.items;
    expect(answer?.info).toMatchObject({ role: "assistant", parentID: question?.info.id });
  });

  it("builds user messages with files and assistant messages with reasoning, tools and text", async () => {
    fake = createFakeOpencode();
    const session = fake.addSession({
      messages: [
        history.user("Read this", { files: [{ filename: "notes.md", mime: "text/markdown" }] }),
        history.assistant({
          reasoning: "Looking.",
          tools: [
            { tool: "bash", input: { command: "ls" }, output: "notes.md\n" },
            { tool: "read", input: { filePath: "gone.md" }, error: "File not found" },
          ],
          text: "Done.",
        }),
      ],
    });
    const [user, assistant] = (await fake.client.messages.list(session.id)).items;
    expect(user?.parts.map((p) => p.type)).toEqual(["text", "file"]);
    expect(user?.parts[1]).toMatchObject({ filename: "notes.md", mime: "text/markdown", url: "file:///srv/project/notes.md" });
    expect(assistant?.parts.map((p) => (p.type === "tool" ? `tool:${p.state.status}` : p.type))).toEqual(["reasoning", "tool:completed", "tool:error", "text"]);
    const partIds = assistant?.parts.map((p) => p.id) ?? [];
    expect([...partIds].sort()).toEqual(partIds);
  });
});

describe("fake.fetch(Request)", () => {
  it("honours a Request's method and JSON body (POST creates a session)", async () => {
    fake = createFakeOpencode();
    const response = await fake.fetch(
      new Request(`${fake.baseUrl}/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "From a Request" }) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ title: "From a Request" });
    expect(fake.requests().at(-1)).toMatchObject({ method: "POST", path: "/session", body: { title: "From a Request" } });
  });

  it("honours a Request's headers (directory scope) and lets init override the Request", async () => {
    fake = createFakeOpencode();
    await fake.fetch(new Request(`${fake.baseUrl}/session`, { method: "POST", headers: { "x-opencode-directory": "/other" }, body: "{}" }));
    expect(fake.server.instance("/other").sessions.size).toBe(1);
    expect(fake.requests().at(-1)?.headers.get("x-opencode-directory")).toBe("/other");
    const listed = await fake.fetch(new Request(`${fake.baseUrl}/session`, { method: "POST", body: "{}" }), { method: "GET" });
    expect(Array.isArray(await listed.json())).toBe(true);
  });

  it("serves the event stream for a GET Request and ends it on the Request's abort", async () => {
    fake = createFakeOpencode();
    const controller = new AbortController();
    const response = await fake.fetch(new Request(`${fake.baseUrl}/event`, { signal: controller.signal }));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(fake.server.openStreams()).toBe(1);
    controller.abort();
    expect(fake.server.openStreams()).toBe(0);
  });
});
