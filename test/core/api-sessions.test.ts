import { afterEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../src/core/errors";
import { json, only, raw, testClient } from "./http-fake-fetch";

const scoped = { directory: "/my dir", workspace: "wrk_1" };
const scope = "directory=%2Fmy+dir&workspace=wrk_1";
const session = { id: "ses_1", title: "t", time: { created: 1, updated: 2 } };

afterEach(() => {
  vi.useRealTimers();
});

describe("api.sessions routes", () => {
  it("EP-08 list: GET /session with filters as query (booleans as strings), scoped", async () => {
    const { api, calls } = testClient(() => json([session]), scoped);
    expect(await api.sessions.list({ roots: true, search: "a b", limit: 5, start: 10, scope: "project", path: "src" })).toEqual([session]);
    expect(only(calls).method).toBe("GET");
    expect(only(calls).target).toBe(`/session?roots=true&search=a+b&limit=5&start=10&scope=project&path=src&${scope}`);
  });

  it("list({archived}) filters on time.archived client-side (1.x ignores the query)", async () => {
    const sessions = [
      { ...session, id: "a", time: { created: 1, updated: 1, archived: 5 } },
      { ...session, id: "b", time: { created: 1, updated: 1 } },
      { ...session, id: "c", time: { created: 1, updated: 1, archived: 0 } },
    ];
    const { api, calls } = testClient(() => json(sessions));
    expect((await api.sessions.list({ archived: true })).map((s) => s.id)).toEqual(["a"]);
    expect((await api.sessions.list({ archived: false })).map((s) => s.id)).toEqual(["b", "c"]);
    expect((await api.sessions.list()).map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(calls.map((c) => c.target)).toEqual(["/session", "/session", "/session"]);
  });

  it("get: GET /session/:id, scoped; a real 404 body is NotFoundError", async () => {
    const notFound = { name: "NotFoundError", data: { message: "Session not found: ses_doesnotexist000000000000" } };
    const { api, calls } = testClient((request) => (request.url.pathname.endsWith("ses_1") ? json(session) : json(notFound, 404)), scoped);
    expect(await api.sessions.get("ses_1")).toEqual(session);
    expect(calls[0]?.target).toBe(`/session/ses_1?${scope}`);
    await expect(api.sessions.get("ses_doesnotexist000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("CFG-14 divergence: ids are percent-encoded into the path", async () => {
    const { api, calls } = testClient(() => json(session));
    await api.sessions.get("ses/../x?y");
    expect(only(calls).url.pathname).toBe("/session/ses%2F..%2Fx%3Fy");
  });

  it("CFG-08 divergence: a base URL path prefix is kept on instance routes", async () => {
    const { api, calls } = testClient(() => json(session), { baseUrl: "http://h/proxy/oc", ...scoped });
    await api.sessions.get("ses_1");
    expect(only(calls).url.toString()).toBe(`http://h/proxy/oc/session/ses_1?${scope}`);
  });

  it("EP-11 delete: DELETE /session/:id -> true", async () => {
    const { api, calls } = testClient(() => json(true), scoped);
    expect(await api.sessions.delete("ses_1")).toBe(true);
    expect(only(calls)).toMatchObject({ method: "DELETE", target: `/session/ses_1?${scope}`, body: undefined });
  });

  it("EP-14 abort: POST /session/:id/abort with body {} -> true (also when the body is empty)", async () => {
    const { api, calls } = testClient(() => raw(null, 200), scoped);
    expect(await api.sessions.abort("ses_1")).toBe(true);
    expect(only(calls)).toMatchObject({ method: "POST", target: `/session/ses_1/abort?${scope}`, body: "{}" });
  });

  it("EP-10 children: GET /session/:id/children", async () => {
    const { api, calls } = testClient(() => json([session]), scoped);
    expect(await api.sessions.children("ses_1")).toEqual([session]);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/session/ses_1/children?${scope}` });
  });

  it("EP-12 status: GET /session/status -> record; {} or an empty body means all idle", async () => {
    const busy = { ses_1: { type: "busy" } };
    const { api, calls } = testClient(() => json(busy), scoped);
    expect(await api.sessions.status()).toEqual(busy);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/session/status?${scope}` });
    expect(await testClient(() => json({})).api.sessions.status()).toEqual({});
    expect(await testClient(() => raw("", 200)).api.sessions.status()).toEqual({});
  });

  it("todo: GET /session/:id/todo", async () => {
    const todos = [{ content: "Write the fake server", status: "completed", priority: "high" }];
    const { api, calls } = testClient(() => json(todos), scoped);
    expect(await api.sessions.todo("ses_1")).toEqual(todos);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/session/ses_1/todo?${scope}` });
  });
});

describe("api.sessions.create", () => {
  it("EP-02 with no input: POST /session with body {}, scoped", async () => {
    const { api, calls } = testClient(() => json(session), scoped);
    expect(await api.sessions.create()).toEqual(session);
    expect(only(calls)).toMatchObject({ method: "POST", target: `/session?${scope}`, body: "{}" });
  });

  it("EP-03 title and an empty permission list: the [] is kept", async () => {
    const { api, calls } = testClient(() => json({ id: "ses_smoke_1" }));
    await api.sessions.create({ title: "smoke", permission: [] });
    expect(only(calls).body).toBe('{"title":"smoke","permission":[]}');
  });

  it("EP-04 / MOD-02 every option, in key order, model string split at the first '/' into {providerID, id}", async () => {
    const { api, calls } = testClient(() => json(session));
    await api.sessions.create({
      workspaceID: "wrk_1",
      metadata: { run: "9" },
      model: "openrouter/anthropic/claude-sonnet-4",
      agent: "build",
      parentID: "ses_parent",
      permission: [{ permission: "bash", pattern: "*", action: "ask" }],
      title: "t",
    });
    expect(only(calls).body).toBe(
      '{"title":"t","permission":[{"permission":"bash","pattern":"*","action":"ask"}],"parentID":"ses_parent","agent":"build",' +
        '"model":{"providerID":"openrouter","id":"anthropic/claude-sonnet-4"},"metadata":{"run":"9"},"workspaceID":"wrk_1"}',
    );
  });

  it("MOD-03 a model object passes through unchanged", async () => {
    const { api, calls } = testClient(() => json(session));
    await api.sessions.create({ model: { providerID: "openai", id: "gpt-5.5", variant: "high" } });
    expect(only(calls).body).toBe('{"model":{"providerID":"openai","id":"gpt-5.5","variant":"high"}}');
  });

  it("MOD-04/MOD-06 divergence: 'gpt' throws a TypeError before any request; a blank model is left out (MOD-05)", async () => {
    const { api, calls } = testClient(() => json(session));
    await expect(api.sessions.create({ model: "gpt" })).rejects.toBeInstanceOf(TypeError);
    await expect(api.sessions.create({ model: "openai/" })).rejects.toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(0);
    await api.sessions.create({ model: "  ", title: "x" });
    expect(only(calls).body).toBe('{"title":"x"}');
  });
});

describe("api.sessions.update", () => {
  it("EP-09 PATCH /session/:id with permission rules, scoped", async () => {
    const { api, calls } = testClient(() => json(session), scoped);
    await api.sessions.update("ses_1", { permission: [{ permission: "edit", pattern: "*", action: "deny" }] });
    expect(only(calls)).toMatchObject({
      method: "PATCH",
      target: `/session/ses_1?${scope}`,
      body: '{"permission":[{"permission":"edit","pattern":"*","action":"deny"}]}',
    });
  });

  it("title and metadata, in order", async () => {
    const { api, calls } = testClient(() => json(session));
    await api.sessions.update("ses_1", { metadata: { a: 1 }, title: "renamed" });
    expect(only(calls).body).toBe('{"title":"renamed","metadata":{"a":1}}');
  });

  it("archived: true sends time.archived = now, a number is sent as is, false sends 0", async () => {
    vi.useFakeTimers({ now: 1_795_554_523_571 });
    const { api, calls } = testClient(() => json(session));
    await api.sessions.update("ses_1", { archived: true });
    await api.sessions.update("ses_1", { archived: 42 });
    await api.sessions.update("ses_1", { archived: false });
    expect(calls.map((c) => c.body)).toEqual([
      '{"time":{"archived":1795554523571}}',
      '{"time":{"archived":42}}',
      '{"time":{"archived":0}}',
    ]);
  });
});

describe("api.sessions argument checks", () => {
  it("an empty id rejects (never throws synchronously) and sends nothing", async () => {
    const { api, calls } = testClient(() => json(session));
    await expect(api.sessions.get("")).rejects.toBeInstanceOf(TypeError);
    await expect(api.sessions.delete("")).rejects.toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(0);
  });
});
