/**
 * The shared event feed of the core client against a real `opencode serve`, through a TCP proxy
 * the test controls: a network drop in the middle of a turn (reconnect, no second prompt, the
 * stored reply intact) and ten sessions streaming at once over one `/event` connection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core";
import { isServerEvent, sessionIdOf } from "../../src/core/events/route";
import type { ReconnectInfo, WireEvent } from "../../src/core";
import { useOpencodeServer } from "../harness/use-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { assistantText, EVENT_GET, fileTimer, HELLO_TEXT, prop, PROMPT_POST, SLOW_TEXT, startTurn } from "./core-support";

const server = useOpencodeServer();
let proxy: TcpProxy;
const logTime = fileTimer("core-feed");
beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterAll(async () => {
  await proxy?.close();
  logTime();
});

describe("network drop mid-turn", () => {
  it("the hub reconnects, the turn completes, prompt_async went out once and the stored text is whole", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url });
    const reconnects: ReconnectInfo[] = [];
    const feedErrors: Error[] = [];
    client.events.onReconnect((info) => reconnects.push(info));
    client.events.onError((error) => feedErrors.push(error));
    const session = await client.sessions.create({ title: "drop" });
    const postsBefore = proxy.countRequests(PROMPT_POST);
    const eventsBefore = proxy.countRequests(EVENT_GET);

    // "slow" streams for ~10 s: the drop lands mid-stream and the reconnect (250 ms backoff) well
    // before the end, so session.idle arrives on the new connection.
    let dropped = 0;
    const turn = await startTurn(client, session.id, "slow", {
      timeoutMs: 40_000,
      onEvent(event) {
        if (dropped === 0 && event.type === "message.part.delta") dropped = proxy.dropAll();
      },
    });
    try {
      const events = await turn.idle;
      expect(dropped).toBeGreaterThanOrEqual(1);
      expect(reconnects).toEqual([{ connection: 2 }]);
      // The drop itself is reported as a ConnectionError, and is not fatal.
      expect(feedErrors.map((e) => e.name)).toContain("ConnectionError");
      expect(client.events.status).toBe("open");
      // The session subscription saw both connections' server.connected and deltas after the second.
      const connected = events.flatMap((e, i) => (e.type === "server.connected" ? [i] : []));
      expect(connected).toHaveLength(2);
      expect(events.slice(connected[1]).some((e) => e.type === "message.part.delta")).toBe(true);
    } finally {
      turn.handle.unsubscribe();
    }
    expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(1);
    expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(2);
    const modelCalls = server().llmRequests().filter((r) => !r.isTitle && r.userText === "slow");
    expect(modelCalls).toHaveLength(1);
    // The feed never replays what it missed: the stored message is the source of truth.
    expect(assistantText((await client.messages.list(session.id)).items)).toBe(SLOW_TEXT);
  });
});

describe("ten sessions at once", () => {
  it("share one /event connection; each sees only its own events and ends with the right text", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url });
    const reconnects: ReconnectInfo[] = [];
    client.events.onReconnect((info) => reconnects.push(info));
    const eventsBefore = proxy.countRequests(EVENT_GET);
    const postsBefore = proxy.countRequests(PROMPT_POST);
    // Half "hello", half "bulk N" of growing size, so the streams interleave at different rates.
    const texts = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? `bulk ${100 * (i + 1)}` : "hello"));
    const expected = texts.map((text) => (text === "hello" ? HELLO_TEXT : "x".repeat(Number(text.split(" ")[1]))));
    const sessions = await Promise.all(texts.map((text, i) => client.sessions.create({ title: `parallel ${i}` })));

    const turns = await Promise.all(sessions.map((session, i) => startTurn(client, session.id, texts[i]!, { timeoutMs: 40_000 })));
    try {
      expect(client.events.subscriberCount).toBe(10);
      const results = await Promise.all(turns.map((turn) => turn.idle));
      results.forEach((events: WireEvent[], i) => {
        const own = sessions[i]!.id;
        const foreign = events.filter((e) => !isServerEvent(e) && sessionIdOf(e) !== own);
        expect(foreign, `session ${i} got events of others`).toEqual([]);
        expect(events.filter((e) => e.type === "server.connected")).toHaveLength(1);
        // One stable connection: nothing was lost, so the deltas alone rebuild the reply.
        const streamed = events.filter((e) => e.type === "message.part.delta").map((e) => prop(e, "delta")).join("");
        expect(streamed, `deltas of session ${i} ("${texts[i]}")`).toBe(expected[i]);
      });
    } finally {
      for (const turn of turns) turn.handle.unsubscribe();
    }
    expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(1);
    expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(10);
    // The last subscriber leaving closes the shared connection (on a 0 ms timer).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.events.status).toBe("closed");
    expect(reconnects).toEqual([]);
    const stored = await Promise.all(sessions.map(async (session) => assistantText((await client.messages.list(session.id)).items)));
    expect(stored).toEqual(expected);
  });
});
