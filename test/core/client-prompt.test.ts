import { describe, expect, it } from "vitest";
import { createFakeOpencode } from "../../src/testing";
import type { WireEvent } from "../../src/core";

describe("client.prompt (subscribe -> server.connected -> prompt_async once)", () => {
  it("SUB-10 posts prompt_async only after the feed is connected, and streams the session's events", async () => {
    const fake = createFakeOpencode({ scenario: "hello", pace: 0 });
    const session = fake.addSession({ title: "t" });
    const events: WireEvent[] = [];
    const handle = await fake.client.prompt(session.id, { text: "hello" }, { onEvent: (event) => events.push(event) });
    const paths = fake.requests().map((request) => `${request.method} ${request.path}`);
    const feed = paths.indexOf("GET /event");
    const post = paths.indexOf(`POST /session/${session.id}/prompt_async`);
    expect(feed).toBeGreaterThanOrEqual(0);
    expect(post).toBeGreaterThan(feed);
    expect(paths.filter((path) => path.endsWith("/prompt_async"))).toHaveLength(1);
    await fake.settled();
    expect(events[0]?.type).toBe("server.connected");
    expect(events.some((event) => event.type === "message.part.delta")).toBe(true);
    handle.unsubscribe();
    fake.close();
  });

  it("rejects a prompt with neither text nor parts before opening the feed", async () => {
    const fake = createFakeOpencode({ scenario: "none" });
    const session = fake.addSession();
    await expect(fake.client.prompt(session.id, {})).rejects.toBeInstanceOf(TypeError);
    await expect(fake.client.prompt(session.id, { text: "x", model: "gpt" })).rejects.toBeInstanceOf(TypeError);
    expect(fake.requests().map((request) => request.path)).not.toContain("/event");
    fake.close();
  });
});
