// @vitest-environment jsdom
/**
 * useStream over the shared event feed of a real `opencode serve`, through a TCP proxy the test
 * controls (the client's baseUrl is the proxy): the connection dropped in the middle of a turn,
 * and ten sessions streaming at once through ten hooks of one provider.
 */
import { waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useStream, type ReconnectInfo } from "../../src";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { EVENT_GET, HELLO_TEXT, PROMPT_POST } from "./core-support";
import { useChildServer } from "./hooks-server";
import { e2eClient, fileTimer, hookView, renderLive, renderPanel, runPanelTurn, serverView, storedView, unmountAll, WAIT } from "./hooks-support";

const server = useChildServer();
let proxy: TcpProxy;
const logTime = fileTimer("hooks-feed");
beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterEach(unmountAll);
afterAll(async () => {
  await proxy?.close();
  logTime();
});

describe("network drop mid-turn", () => {
  it("useStream completes after the feed reconnects: the stored text, one prompt_async, no doubled text", async () => {
    const client = e2eClient(proxy.url);
    const reconnects: ReconnectInfo[] = [];
    client.events.onReconnect((info) => reconnects.push(info));
    const session = await client.sessions.create({ title: "drop" });
    const postsBefore = proxy.countRequests(PROMPT_POST);
    const eventsBefore = proxy.countRequests(EVENT_GET);

    // 1500 one-character chunks, paced ~1 ms apart: the drop at the first text shown lands mid-stream.
    const total = 1500;
    let shownAtDrop = -1;
    const panel = renderPanel(client, session.id, {
      onPart(part) {
        if (shownAtDrop < 0 && part.type === "text" && part.text !== "") {
          shownAtDrop = part.text.length;
          proxy.dropAll();
        }
      },
    });
    const turn = await runPanelTurn(panel, `bulk ${total} pace 1`);

    expect(shownAtDrop).toBeGreaterThan(0);
    expect(shownAtDrop).toBeLessThan(total);
    expect(reconnects).toEqual([{ connection: 2 }]);
    expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(2);
    expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(1);
    expect(turn.statuses.at(-1)).toBe("idle");
    expect(turn.finish.info).toEqual({ aborted: false, error: null });
    const stream = panel.result.current.stream;
    expect(stream.text).toBe("x".repeat(total));
    // Whatever the re-fetch after the reconnect merged in, no render ever showed more than the reply.
    expect(Math.max(...turn.renders.map((r) => r.stream.text.length))).toBe(total);
    expect(hookView(stream)).toEqual(await serverView(client, session.id));
  });
});

describe("ten sessions at once", () => {
  it("ten useStream hooks in one provider share one /event connection; each shows only its own session's reply", async () => {
    const client = e2eClient(proxy.url);
    const reconnects: ReconnectInfo[] = [];
    client.events.onReconnect((info) => reconnects.push(info));
    // Half "hello", half "bulk N" of growing size, so the streams interleave at different rates.
    const texts = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? `bulk ${100 * (i + 1)}` : "hello"));
    const expected = texts.map((text) => (text === "hello" ? HELLO_TEXT : "x".repeat(Number(text.split(" ")[1]))));
    const sessions = await Promise.all(texts.map((_, i) => client.sessions.create({ title: `parallel ${i}` })));
    const ids = sessions.map((s) => s.id);
    const eventsBefore = proxy.countRequests(EVENT_GET);
    const postsBefore = proxy.countRequests(PROMPT_POST);

    // A fixed list of ids: the hooks are called in the same order on every render.
    const view = renderLive(client, () => ids.map((id) => useStream(id)));
    await Promise.all(view.result.current.map((stream, i) => stream.send(texts[i]!)));
    await waitFor(() => expect(view.result.current.map((s) => s.status === "idle" && s.result !== null)).toEqual(ids.map(() => true)), WAIT);

    expect(view.result.current.map((s) => s.text)).toEqual(expected);
    expect(view.result.current.map((s) => s.error)).toEqual(ids.map(() => null));
    expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(1);
    expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(10);
    expect(reconnects).toEqual([]);
    const stored = await Promise.all(ids.map(async (id) => (await client.messages.list(id)).items));
    stored.forEach((items, i) => {
      const stream = view.result.current[i]!;
      // No cross-talk: every part a hook shows is a part of its own session's stored messages.
      const own = new Set(items.flatMap((m) => m.parts.map((p) => p.id)));
      expect(stream.parts.filter((p) => !own.has(p.id)), `hook ${i} shows parts of other sessions`).toEqual([]);
      expect(hookView(stream)).toEqual(storedView(items));
    });
  });
});
