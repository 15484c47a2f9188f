/**
 * Session and message endpoints of the core client against a real `opencode serve`: CRUD,
 * archive, children, NotFoundError, status and abort of a running turn, message paging, and
 * directory scoping (two clients on two project folders the server has never seen).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createOpencodeClient, NotFoundError } from "../../src/core";
import { isServerEvent, sessionIdOf } from "../../src/core/events/route";
import type { OpencodeClient, WireEvent } from "../../src/core";
import { useOpencodeServer, waitFor } from "../harness/use-server";
import { assistantText, field, fileTimer, HELLO_TEXT, runTurn, startTurn, tempProject } from "./core-support";

const server = useOpencodeServer();
afterAll(fileTimer("core-sessions"));
let cached: OpencodeClient | undefined;
/** One client on the server's default directory (created lazily: the base URL exists only once the server runs). */
const client = (): OpencodeClient => (cached ??= createOpencodeClient({ baseUrl: server().baseUrl }));

describe("sessions", () => {
  it("create, get, list and rename round-trip through the server", async () => {
    const created = await client().sessions.create({ title: "first title" });
    expect(created).toMatchObject({ title: "first title", directory: server().directory });
    expect(created.id).toMatch(/^ses_/);
    expect(await client().sessions.get(created.id)).toMatchObject({ id: created.id, title: "first title" });
    expect((await client().sessions.list()).map((s) => s.id)).toContain(created.id);

    const renamed = await client().sessions.update(created.id, { title: "renamed" });
    expect(renamed).toMatchObject({ id: created.id, title: "renamed" });
    expect((await client().sessions.get(created.id)).title).toBe("renamed");
    expect((await client().sessions.list({ search: "renamed" })).map((s) => s.id)).toEqual([created.id]);
  });

  it("archive sets time.archived and the archived filter follows it; archived: false clears it", async () => {
    const session = await client().sessions.create({ title: "to archive" });
    const archived = await client().sessions.update(session.id, { archived: true });
    expect(archived.time.archived).toBeGreaterThan(0);
    expect((await client().sessions.list({ archived: true })).map((s) => s.id)).toContain(session.id);
    expect((await client().sessions.list({ archived: false })).map((s) => s.id)).not.toContain(session.id);

    const restored = await client().sessions.update(session.id, { archived: false });
    expect(restored.time.archived ?? 0).toBe(0);
    expect((await client().sessions.list({ archived: false })).map((s) => s.id)).toContain(session.id);
  });

  it("a child created with parentID is listed by children() and left out of roots", async () => {
    const parent = await client().sessions.create({ title: "parent" });
    const child = await client().sessions.create({ title: "child", parentID: parent.id });
    expect(child.parentID).toBe(parent.id);
    expect((await client().sessions.children(parent.id)).map((s) => s.id)).toEqual([child.id]);
    const roots = (await client().sessions.list({ roots: true })).map((s) => s.id);
    expect(roots).toContain(parent.id);
    expect(roots).not.toContain(child.id);
  });

  it("delete removes the session and its children; later calls reject with NotFoundError", async () => {
    const parent = await client().sessions.create({ title: "doomed" });
    const child = await client().sessions.create({ title: "doomed child", parentID: parent.id });
    await expect(client().sessions.delete(parent.id)).resolves.toBe(true);
    for (const id of [parent.id, child.id]) {
      const error = await client().sessions.get(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, message: expect.stringContaining(`Session not found: ${id}`) });
    }
    await expect(client().messages.list(parent.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await client().sessions.list()).map((s) => s.id)).not.toContain(parent.id);
  });

  it("status shows busy during a slow turn; abort ends it with MessageAbortedError and the session goes idle", async () => {
    const session = await client().sessions.create({ title: "slow" });
    let sawDelta: () => void = () => undefined;
    const streaming = new Promise<void>((resolve) => (sawDelta = resolve));
    const turn = await startTurn(client(), session.id, "slow", { onEvent: (e) => e.type === "message.part.delta" && sawDelta() });
    try {
      await streaming;
      expect((await client().sessions.status())[session.id]).toEqual({ type: "busy" });
      await expect(client().sessions.abort(session.id)).resolves.toBe(true);
      const events = await turn.idle;
      const error = events.find((e) => e.type === "session.error");
      expect(field(error?.properties, "error", "name")).toBe("MessageAbortedError");
      expect(field(error?.properties, "sessionID")).toBe(session.id);
      // The status map only lists busy/retry sessions: idle means absent (it can trail session.idle).
      await waitFor(async () => !(session.id in (await client().sessions.status())), 5_000);
      // Aborted well before the 40th chunk: the scripted turn would take ~10 s.
      const text = assistantText((await client().messages.list(session.id)).items);
      expect(text).toMatch(/^slow0 /);
      expect(text).not.toContain("slow39");
    } finally {
      turn.handle.unsubscribe();
    }
  });
});

describe("messages", () => {
  it("pages backwards with limit + cursor: no duplicates, every message once", async () => {
    const session = await client().sessions.create({ title: "paging" });
    for (const text of ["one", "two", "three"]) await runTurn(client(), session.id, text);
    const all = (await client().messages.list(session.id)).items;
    expect(all.map((m) => m.info.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
    expect(assistantText(all)).toBe("You said: oneYou said: twoYou said: three");

    const first = await client().messages.list(session.id, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const pages = [first.items];
    for (let cursor = first.nextCursor; cursor !== undefined; ) {
      const page = await client().messages.list(session.id, { limit: 2, before: cursor });
      expect(page.items.length).toBeGreaterThan(0);
      pages.push(page.items);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThanOrEqual(3);
    }
    // Each page is chronological; pages go from newest to oldest.
    const ids = pages.reverse().flat().map((m) => m.info.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.map((m) => m.info.id));
  });
});

describe("directory scoping", () => {
  const projectA = tempProject("dir-a");
  const projectB = tempProject("dir-b");
  afterAll(() => {
    projectA.remove();
    projectB.remove();
  });

  it("a new directory gets its own instance: sessions and turn events stay in their directory", async () => {
    const a = createOpencodeClient({ baseUrl: server().baseUrl, directory: projectA.dir });
    const b = createOpencodeClient({ baseUrl: server().baseUrl, directory: projectB.dir });
    const [inA, inB] = await Promise.all([a.sessions.create({ title: "in A" }), b.sessions.create({ title: "in B" })]);
    // The server booted an instance for each unseen folder and stamped the session with it.
    expect(inA.directory).toBe(projectA.dir);
    expect(inB.directory).toBe(projectB.dir);
    const listA = (await a.sessions.list()).map((s) => s.id);
    const listB = (await b.sessions.list()).map((s) => s.id);
    expect(listA).toContain(inA.id);
    expect(listA).not.toContain(inB.id);
    expect(listB).toContain(inB.id);
    expect(listB).not.toContain(inA.id);
    await expect(a.sessions.get(inA.id)).resolves.toMatchObject({ directory: projectA.dir });

    // Unfiltered listeners see everything each directory's feed carries, whatever the session.
    const feedA: WireEvent[] = [];
    const feedB: WireEvent[] = [];
    const offA = a.events.subscribe((e) => feedA.push(e));
    const offB = b.events.subscribe((e) => feedB.push(e));
    try {
      await Promise.all([a.events.ready(), b.events.ready()]);
      await Promise.all([runTurn(a, inA.id, "hello"), runTurn(b, inB.id, "hello")]);
    } finally {
      offA();
      offB();
    }
    const sessionsOf = (feed: WireEvent[]): Set<string | undefined> => new Set(feed.filter((e) => !isServerEvent(e)).map(sessionIdOf));
    expect(sessionsOf(feedA)).toContain(inA.id);
    expect(sessionsOf(feedA)).not.toContain(inB.id);
    expect(sessionsOf(feedB)).toContain(inB.id);
    expect(sessionsOf(feedB)).not.toContain(inA.id);
    expect(assistantText((await a.messages.list(inA.id)).items)).toBe(HELLO_TEXT);
  });
});
