// @vitest-environment jsdom
/**
 * The session list and message queries after the feed dropped, on a real `opencode serve` behind
 * a TCP proxy: what changed on the server while the feed was down (a new session, a stored
 * message, a rename) shows once the feed is back, through the refetch on reconnect (the server
 * has no replay).
 */
import { waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOpencodeClient, type ReconnectInfo } from "../../src/core";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { useMessages } from "../../src/react/use-messages";
import { useSession, useSessions } from "../../src/react/use-sessions";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { EVENT_GET } from "./core-support";
import { useChildServer } from "./hooks-server";
import { e2eClient, fileTimer, renderLive, unmountAll, WAIT } from "./hooks-support";

const server = useChildServer();
let proxy: TcpProxy;
const logTime = fileTimer("hooks-resync");
beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterEach(unmountAll);
afterAll(async () => {
  await proxy?.close();
  logTime();
});

describe("after a feed drop", () => {
  // The hook reads every value the assertions look at, as a component that renders them does:
  // TanStack tracks the result fields read during render and re-renders only when one of those
  // changes, so a field first read by the test after the refetch settled would show a stale value.
  it("useSessions, useSession and useMessages show what changed on the server while the feed was down", async () => {
    // A long reconnect delay (2.5-5 s) so the changes below surely land while the feed is down.
    const client = e2eClient(proxy.url, { events: { backoffInitialMs: 5_000, backoffMaxMs: 5_000 } });
    const direct = createOpencodeClient({ baseUrl: server().baseUrl }); // not through the proxy: unaffected by the drop
    const reconnects: ReconnectInfo[] = [];
    client.events.onReconnect((info) => reconnects.push(info));
    const session = await direct.sessions.create({ title: "before the drop" });
    const view = renderLive(client, () => {
      const list = useSessions();
      const detail = useSession(session.id);
      const messages = useMessages(session.id);
      const texts = flattenMessagePages(messages.data).flatMap((m) => m.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])));
      return { loaded: list.isSuccess && detail.isSuccess && messages.isSuccess, ids: list.data?.map((s) => s.id), title: detail.data?.title, texts };
    });
    await waitFor(() => expect(view.result.current.loaded).toBe(true), WAIT);
    await waitFor(() => expect(client.events.status).toBe("open"), WAIT);
    const eventsBefore = proxy.countRequests(EVENT_GET);

    proxy.dropAll();
    await waitFor(() => expect(client.events.status).not.toBe("open"), WAIT);
    const added = await direct.sessions.create({ title: "made while away" });
    await direct.sessions.update(session.id, { title: "renamed while away" });
    await direct.messages.send(session.id, { text: "stored while away", noReply: true });
    expect(reconnects).toEqual([]); // all of it happened with the feed down

    await waitFor(() => expect(reconnects).toEqual([{ connection: 2 }]), { ...WAIT, timeout: 30_000 });
    await waitFor(() => {
      const current = view.result.current;
      expect(current.ids).toContain(added.id);
      expect(current.title).toBe("renamed while away");
      expect(current.texts).toContain("stored while away");
    }, WAIT);
    expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(1);
  });
});
