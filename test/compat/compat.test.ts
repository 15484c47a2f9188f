/**
 * The compatibility subset, run once per certified server line (vitest.compat.config.ts makes one
 * project per line of test/harness/opencode-lines.mjs and passes its version in
 * OPENCODE_COMPAT_VERSION). One server per line; each `feature(...)` is one row of the README's
 * compatibility table, and the run writes the outcome of every row to
 * .tmp/compat/<version>.json for scripts/compat-table.mjs.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createOpencodeClient, createReplyStore, distill, type OpencodeClient, type ReconnectInfo, type WireEvent } from "../../src/core";
import { sessionIdOf } from "../../src/core/events/route";
import { COMPAT_LINES } from "../harness/opencode-lines.mjs";
import { useOpencodeServer } from "../harness/use-server";
import { until } from "../support/sse-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { assistantText, EVENT_GET, GLOBAL_EVENT_GET, HELLO_TEXT, PROMPT_POST, SLOW_TEXT, startTurn, tempProject } from "../e2e/core-support";

const version = process.env.OPENCODE_COMPAT_VERSION ?? "";
const line = COMPAT_LINES.find((l) => l.version === version);
if (!line) throw new Error(`OPENCODE_COMPAT_VERSION=${JSON.stringify(version)} is not a line of test/harness/opencode-lines.mjs`);

// Generous bounds (upper limits, not sleeps): the machine running this may be heavily loaded.
const server = useOpencodeServer({ version, startTimeoutMs: 120_000 });
let proxy: TcpProxy;
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= createOpencodeClient({ baseUrl: server().baseUrl }));
const TURN_MS = 90_000;
const results: Record<string, "pass" | "fail"> = {};
const started = Date.now();

beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterAll(async () => {
  await proxy?.close();
  const out = fileURLToPath(new URL("../../.tmp/compat/", import.meta.url));
  fs.mkdirSync(out, { recursive: true });
  const record = { line: line.line, version, features: results, ms: Date.now() - started, at: new Date().toISOString() };
  fs.writeFileSync(path.join(out, `${version}.json`), JSON.stringify(record, null, 2) + "\n");
});

/** One row of the table: a test whose outcome is recorded under `name`. */
function feature(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    results[name] = "fail";
    await body();
    results[name] = "pass";
  });
}

/** A reply store on the real client; disposed by the caller. */
const storeFor = (sessionId: string) => createReplyStore({ client: client(), sessionId });

feature("health", async () => {
  await expect(client().health()).resolves.toEqual({ healthy: true, version });
});

feature("sessions", async () => {
  const session = await client().sessions.create({ title: "compat" });
  expect((await client().sessions.get(session.id)).title).toBe("compat");
  await client().sessions.update(session.id, { title: "renamed" });
  expect((await client().sessions.list()).find((s) => s.id === session.id)?.title).toBe("renamed");
  await expect(client().sessions.delete(session.id)).resolves.toBe(true);
  expect((await client().sessions.list()).map((s) => s.id)).not.toContain(session.id);
});

feature("streamed turn", async () => {
  const session = await client().sessions.create({ title: "hello" });
  const store = storeFor(session.id);
  try {
    const seen: string[] = [];
    store.subscribe((s) => seen[seen.length - 1] !== s.status && seen.push(s.status));
    await store.getState().send("hello");
    await until(() => store.getState().result !== null, "the turn's result", TURN_MS);
    expect(store.getState()).toMatchObject({ status: "idle", error: null, result: { text: HELLO_TEXT } });
    expect(seen).toContain("streaming");
  } finally {
    store.getState().dispose();
  }
});

feature("tool + permission", async () => {
  const session = await client().sessions.create({ title: "tool" });
  const store = storeFor(session.id);
  try {
    await store.getState().send("tool");
    await until(() => Object.keys(store.getState().permissions).length > 0, "a pending permission", TURN_MS);
    expect(store.getState().status).toBe("awaiting-input");
    const [id] = Object.keys(store.getState().permissions);
    await expect(client().permissions.reply(String(id), "once")).resolves.toBe(true);
    await until(() => store.getState().result !== null, "the turn's result", TURN_MS);
    const tools = store.getState().result?.toolParts ?? [];
    expect(tools.map((p) => [p.tool, p.status, p.output?.trim()])).toEqual([["bash", "completed", "hi"]]);
    expect(store.getState()).toMatchObject({ status: "idle", error: null, permissions: {} });
  } finally {
    store.getState().dispose();
  }
});

feature("question", async () => {
  const session = await client().sessions.create({ title: "question" });
  const store = storeFor(session.id);
  try {
    await store.getState().send("question");
    await until(() => Object.keys(store.getState().questions).length > 0, "a pending question", TURN_MS);
    const [id] = Object.keys(store.getState().questions);
    expect(store.getState().questions[String(id)]?.questions).toMatchObject([{ header: "Color" }]);
    await expect(client().questions.reply(String(id), [["Red"]])).resolves.toBe(true);
    await until(() => store.getState().result !== null, "the turn's result", TURN_MS);
    expect(store.getState()).toMatchObject({ status: "idle", error: null, questions: {} });
  } finally {
    store.getState().dispose();
  }
});

feature("abort", async () => {
  const session = await client().sessions.create({ title: "slow" });
  const store = storeFor(session.id);
  try {
    await store.getState().send("slow");
    await until(() => store.getState().status === "streaming" && distill(store.getState()).text !== "", "streamed text", TURN_MS);
    await store.getState().abort();
    await until(() => store.getState().status === "idle" && store.getState().result !== null, "the aborted turn to settle", TURN_MS);
    expect(store.getState()).toMatchObject({ aborted: true, error: null });
    expect(store.getState().result?.text ?? "").not.toContain("slow39");
  } finally {
    store.getState().dispose();
  }
});

feature("paging", async () => {
  const session = await client().sessions.create({ title: "paging" });
  for (const text of ["one", "two"]) {
    const turn = await startTurn(client(), session.id, text, { timeoutMs: TURN_MS });
    await turn.idle.finally(() => turn.handle.unsubscribe());
  }
  const all = (await client().messages.list(session.id)).items;
  expect(all).toHaveLength(4);
  const first = await client().messages.list(session.id, { limit: 2 });
  expect(first.items.map((m) => m.info.id)).toEqual(all.slice(2).map((m) => m.info.id));
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await client().messages.list(session.id, { limit: 2, before: first.nextCursor });
  expect(second.items.map((m) => m.info.id)).toEqual(all.slice(0, 2).map((m) => m.info.id));
});

feature("feed reconnect", async () => {
  const viaProxy = createOpencodeClient({ baseUrl: proxy.url });
  const reconnects: ReconnectInfo[] = [];
  viaProxy.events.onReconnect((info) => reconnects.push(info));
  const session = await viaProxy.sessions.create({ title: "drop" });
  const postsBefore = proxy.countRequests(PROMPT_POST);
  const eventsBefore = proxy.countRequests(EVENT_GET);
  let dropped = 0;
  const turn = await startTurn(viaProxy, session.id, "slow", {
    timeoutMs: TURN_MS,
    onEvent: (event) => {
      if (dropped === 0 && event.type === "message.part.delta") dropped = proxy.dropAll();
    },
  });
  try {
    await turn.idle;
  } finally {
    turn.handle.unsubscribe();
  }
  expect(dropped).toBeGreaterThanOrEqual(1);
  expect(reconnects).toEqual([{ connection: 2 }]);
  expect(proxy.countRequests(PROMPT_POST) - postsBefore).toBe(1);
  expect(proxy.countRequests(EVENT_GET) - eventsBefore).toBe(2);
  // 1.2 stores a text part trimmed at the end ("…slow39"), later lines keep "…slow39 ".
  expect(assistantText((await viaProxy.messages.list(session.id)).items).trimEnd()).toBe(SLOW_TEXT.trimEnd());
});

feature("/global/event", async () => {
  // The library's own path, not just the route: two directories of this line's server share ONE
  // /global/event connection (counted at the proxy), and each sees its own session appear.
  const projects = [tempProject("compat-a"), tempProject("compat-b")];
  const root = createOpencodeClient({ baseUrl: proxy.url, directory: projects[0]!.dir });
  const clients = [root, root.forDirectory(projects[1]!.dir)];
  const globalBefore = proxy.countRequests(GLOBAL_EVENT_GET);
  const eventBefore = proxy.countRequests(EVENT_GET);
  const seen: WireEvent[][] = [[], []];
  const offs = clients.map((c, d) => c.events.subscribe((event) => seen[d]!.push(event)));
  try {
    await Promise.all(clients.map((c) => c.events.ready()));
    expect(clients.map((c) => c.events.transport)).toEqual(["global", "global"]);
    const sessions = await Promise.all(clients.map((c, d) => c.sessions.create({ title: `compat dir ${d}` })));
    const created = (d: number): string[] => seen[d]!.filter((e) => e.type === "session.created").map((e) => String(sessionIdOf(e)));
    await until(() => created(0).length > 0 && created(1).length > 0, "each directory's session.created", TURN_MS);
    expect([created(0), created(1)]).toEqual([[sessions[0]!.id], [sessions[1]!.id]]);
    expect(proxy.countRequests(GLOBAL_EVENT_GET) - globalBefore).toBe(1);
    expect(proxy.countRequests(EVENT_GET) - eventBefore).toBe(0);
  } finally {
    for (const off of offs) off();
    root.dispose();
    for (const project of projects) project.remove();
  }
});

