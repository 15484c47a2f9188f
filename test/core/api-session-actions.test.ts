import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ServerError } from "../../src/core/errors";
import { json, testClient } from "./http-fake-fetch";

const scoped = { directory: "/my dir" };
const scope = "directory=%2Fmy+dir";
const session = { id: "ses_2", title: "t", time: { created: 1, updated: 2 } };
const busy = { _tag: "SessionBusyError", sessionID: "ses_1", message: "Session is busy: ses_1" };

function sent(call: { method: string; target: string; body: string | undefined }): [string, string, unknown] {
  return [call.method, call.target, call.body === undefined ? undefined : JSON.parse(call.body)];
}

describe("api.sessions actions", () => {
  it("fork: POST /session/:id/fork with {messageID} (or {}), scoped -> the new session", async () => {
    const { api, calls } = testClient(() => json(session), scoped);
    expect(await api.sessions.fork("ses_1", { messageID: "msg_3" })).toEqual(session);
    await api.sessions.fork("ses_1");
    expect(calls.map(sent)).toEqual([
      ["POST", `/session/ses_1/fork?${scope}`, { messageID: "msg_3" }],
      ["POST", `/session/ses_1/fork?${scope}`, {}],
    ]);
  });

  it("share: POST /session/:id/share; unshare: DELETE; a 500 (offline) is a ServerError", async () => {
    const { api, calls } = testClient((r) =>
      r.method === "POST" ? json({ name: "UnknownError", data: { message: "Unexpected server error." } }, 500) : json(session),
    );
    await expect(api.sessions.share("ses_1")).rejects.toBeInstanceOf(ServerError);
    expect(await api.sessions.unshare("ses_1")).toEqual(session);
    expect(calls.map(sent)).toEqual([
      ["POST", "/session/ses_1/share", undefined],
      ["DELETE", "/session/ses_1/share", undefined],
    ]);
  });

  it("revert: POST /session/:id/revert {messageID, partID?}; unrevert: POST /unrevert", async () => {
    const { api, calls } = testClient(() => json(session));
    await api.sessions.revert("ses_1", { messageID: "msg_3" });
    await api.sessions.revert("ses_1", { messageID: "msg_3", partID: "prt_1" });
    await api.sessions.unrevert("ses_1");
    expect(calls.map(sent)).toEqual([
      ["POST", "/session/ses_1/revert", { messageID: "msg_3" }],
      ["POST", "/session/ses_1/revert", { messageID: "msg_3", partID: "prt_1" }],
      ["POST", "/session/ses_1/unrevert", undefined],
    ]);
  });

  it.each([
    ["revert", (api: ReturnType<typeof testClient>["api"]) => api.sessions.revert("ses_1", { messageID: "msg_1" })],
    ["unrevert", (api: ReturnType<typeof testClient>["api"]) => api.sessions.unrevert("ses_1")],
    ["shell", (api: ReturnType<typeof testClient>["api"]) => api.sessions.shell("ses_1", { command: "ls" })],
    ["delete message", (api: ReturnType<typeof testClient>["api"]) => api.messages.delete("ses_1", "msg_1")],
  ])("%s on a busy session: 409 SessionBusyError -> ConflictError with the server's message", async (_name, call) => {
    const { api } = testClient(() => json(busy, 409));
    const error = await call(api).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: "conflict", message: expect.stringContaining("Session is busy: ses_1") });
  });

  it("summarize: POST /summarize {providerID, modelID, auto?} from a model string; no default timeout", async () => {
    // Answers after the client's 5 ms timeout: the route must not use it (the compaction takes a model turn).
    const { api, calls, events } = testClient(async () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(true)), 40)), { timeoutMs: 5 });
    expect(await api.sessions.summarize("ses_1", { model: "a/b/c" })).toBe(true);
    await api.sessions.summarize("ses_1", { model: { providerID: "p", modelID: "m" }, auto: false });
    expect(calls.map(sent)).toEqual([
      ["POST", "/session/ses_1/summarize", { providerID: "a", modelID: "b/c" }],
      ["POST", "/session/ses_1/summarize", { providerID: "p", modelID: "m", auto: false }],
    ]);
    expect(events.map((e) => e.error)).toEqual([undefined, undefined]);
    await expect(api.sessions.summarize("ses_1", { model: "" })).rejects.toThrow(TypeError);
  });

  it("init: POST /init {modelID, providerID, messageID}; a msg_ id is made when omitted", async () => {
    const { api, calls } = testClient(() => json(true));
    await api.sessions.init("ses_1", { model: "p/m", messageID: "msg_1" });
    await api.sessions.init("ses_1", { model: "p/m" });
    expect(sent(calls[0]!)[2]).toEqual({ modelID: "m", providerID: "p", messageID: "msg_1" });
    expect(sent(calls[1]!)[2]).toEqual({ modelID: "m", providerID: "p", messageID: expect.stringMatching(/^msg_[0-9a-f]{12}[0-9A-Za-z]{14}$/) });
  });

  it("command: POST /command {command without '/', arguments, model as a string, ...}", async () => {
    const result = { info: { id: "msg_2", role: "assistant" }, parts: [] };
    const { api, calls } = testClient(() => json(result), scoped);
    expect(await api.sessions.command("ses_1", { command: "/review", arguments: "src", agent: "plan", model: { providerID: "p", modelID: "m" }, variant: "high" })).toEqual(result);
    await api.sessions.command("ses_1", { command: "init" });
    expect(calls.map(sent)).toEqual([
      ["POST", `/session/ses_1/command?${scope}`, { agent: "plan", model: "p/m", arguments: "src", command: "review", variant: "high" }],
      ["POST", `/session/ses_1/command?${scope}`, { arguments: "", command: "init" }],
    ]);
    await expect(api.sessions.command("ses_1", { command: "/" })).rejects.toThrow(TypeError);
  });

  it("shell: POST /shell {agent (default build), model object, command}", async () => {
    const { api, calls } = testClient(() => json({ info: { id: "msg_2" }, parts: [] }));
    await api.sessions.shell("ses_1", { command: "echo hi" });
    await api.sessions.shell("ses_1", { command: "ls", agent: "plan", model: "p/m" });
    expect(calls.map((c) => sent(c)[2])).toEqual([
      { agent: "build", command: "echo hi" },
      { agent: "plan", model: { providerID: "p", modelID: "m" }, command: "ls" },
    ]);
  });

  it("diff: GET /session/:id/diff[?messageID=]", async () => {
    const diff = [{ file: "a.ts", additions: 1, deletions: 0, status: "modified" }];
    const { api, calls } = testClient(() => json(diff), scoped);
    expect(await api.sessions.diff("ses_1")).toEqual(diff);
    await api.sessions.diff("ses_1", { messageID: "msg_1" });
    expect(calls.map((c) => c.target)).toEqual([`/session/ses_1/diff?${scope}`, `/session/ses_1/diff?messageID=msg_1&${scope}`]);
  });

  it("a missing session is NotFoundError on every action", async () => {
    const { api } = testClient(() => json({ name: "NotFoundError", data: { message: "Session not found: ses_x" } }, 404));
    await expect(api.sessions.fork("ses_x")).rejects.toBeInstanceOf(NotFoundError);
    await expect(api.sessions.diff("ses_x")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("api.messages deletions", () => {
  it("delete: DELETE /session/:id/message/:mid; deletePart: DELETE .../part/:pid, ids encoded", async () => {
    const { api, calls } = testClient(() => json(true), scoped);
    expect(await api.messages.delete("ses_1", "msg_1")).toBe(true);
    expect(await api.messages.deletePart("ses_1", "msg_1", "prt/1")).toBe(true);
    expect(calls.map(sent)).toEqual([
      ["DELETE", `/session/ses_1/message/msg_1?${scope}`, undefined],
      ["DELETE", `/session/ses_1/message/msg_1/part/prt%2F1?${scope}`, undefined],
    ]);
  });

  it("an empty 2xx body still counts as deleted; `false` does not", async () => {
    const { api } = testClient((r) => (r.url.pathname.includes("part") ? json(false) : new Response(null, { status: 204 })));
    expect(await api.messages.delete("ses_1", "msg_1")).toBe(true);
    expect(await api.messages.deletePart("ses_1", "msg_1", "prt_1")).toBe(false);
  });
});
