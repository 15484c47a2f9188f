/**
 * Several directories of one real `opencode serve` over ONE `/global/event` connection (issue 14),
 * counted at a TCP proxy: 3 directories x 3 sessions, no cross-talk, one prompt each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core";
import { isServerEvent, sessionIdOf } from "../../src/core/events/route";
import type { OpencodeClient, ReconnectInfo, WireEvent } from "../../src/core";
import { useOpencodeServer } from "../harness/use-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { assistantText, EVENT_GET, fileTimer, GLOBAL_EVENT_GET, HELLO_TEXT, PROMPT_POST, startTurn, tempProject } from "./core-support";

const server = useOpencodeServer();
let proxy: TcpProxy;
const projects = ["a", "b", "c"].map((name) => tempProject(`dirs-${name}`));
const logTime = fileTimer("core-directories");
beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterAll(async () => {
  await proxy?.close();
  for (const project of projects) project.remove();
  logTime();
});

describe("three directories, one connection", () => {
  it("3 directories x 3 sessions stream over one /global/event connection, each session sees only its own events, one prompt each", async () => {
    // A trailing slash on the first directory: the server reports it without one, routing must still match.
    const root = createOpencodeClient({ baseUrl: proxy.url, directory: `${projects[0]!.dir}/` });
    const clients: OpencodeClient[] = [root, root.forDirectory(projects[1]!.dir), root.forDirectory(projects[2]!.dir)];
    expect(root.forDirectory(projects[1]!.dir)).toBe(clients[1]);
    const reconnects: ReconnectInfo[] = [];
    for (const client of clients) client.events.onReconnect((info) => reconnects.push(info));
    const globalBefore = proxy.countRequests(GLOBAL_EVENT_GET);
    const eventBefore = proxy.countRequests(EVENT_GET);
    const postsBefore = proxy.countRequests(PROMPT_POST);
    // A directory-wide subscriber per directory (no session filter): what a project sidebar sees.
    const seen: WireEvent[][] = clients.map(() => []);
    const offs = clients.map((client, d) => client.events.subscribe((event) => seen[d]!.push(event)));

    const sessions = await Promise.all(clients.flatMap((client, d) => [0, 1, 2].map((s) => client.sessions.create({ title: `dir ${d} session ${s}` }))));
    sessions.forEach((session, i) => expect(session.directory).toBe(projects[Math.floor(i / 3)]!.dir));
    const turns = await Promise.all(sessions.map((session, i) => startTurn(clients[Math.floor(i / 3)]!, session.id, "hello", { timeoutMs: 90_000 })));
    try {
      expect(clients.map((client) => client.events.transport)).toEqual(["global", "global", "global"]);
      expect(clients.map((client) => client.events.subscriberCount)).toEqual([4, 4, 4]); // three sessions + the directory-wide one
      const results = await Promise.all(turns.map((turn) => turn.idle));
      results.forEach((events: WireEvent[], i) => {
        const own = sessions[i]!.id;
        const foreign = events.filter((e) => !isServerEvent(e) && sessionIdOf(e) !== own);
        expect(foreign, `session ${i} got events of others`).toEqual([]);
        expect(events.some((e) => e.type === "message.part.delta"), `session ${i} streamed`).toBe(true);
      });
      // No cross-talk between directories: each directory-wide subscriber saw its own three
      // sessions' events, session.idle included, and not one event of another directory.
      seen.forEach((events, d) => {
        const own = sessions.slice(d * 3, d * 3 + 3).map((session) => session.id);
        const scoped = events.filter((e) => !isServerEvent(e) && sessionIdOf(e) !== undefined);
        expect(scoped.filter((e) => !own.includes(sessionIdOf(e) as string)), `directory ${d} got another directory's events`).toEqual([]);
        expect(new Set(events.filter((e) => e.type === "session.idle").map(sessionIdOf)), `directory ${d} saw each session go idle`).toEqual(new Set(own));
      });
    } finally {
      for (const turn of turns) turn.handle.unsubscribe();
      for (const off of offs) off();
    }
    expect(proxy.countRequests(GLOBAL_EVENT_GET) - globalBefore).toBe(1);
    expect(proxy.countRequests(EVENT_GET) - eventBefore).toBe(0);
    expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(9);
    expect(reconnects).toEqual([]);
    const modelCalls = server().llmRequests().filter((r) => !r.isTitle && r.userText === "hello");
    expect(modelCalls).toHaveLength(9);
    const stored = await Promise.all(sessions.map(async (session, i) => assistantText((await clients[Math.floor(i / 3)]!.messages.list(session.id)).items)));
    expect(stored).toEqual(sessions.map(() => HELLO_TEXT));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.events.status).toBe("closed");
    root.dispose();
  }, 150_000); // nine turns in three fresh directories, on a machine shared with other runs
});
