import { describe, expect, it } from "vitest";
import { BadRequestError, NotFoundError, TimeoutError } from "../../src/core/errors";
import { hangingResponder, json, only, raw, testClient } from "./http-fake-fetch";

const scoped = { directory: "/d", workspace: "wrk_1" };
const scope = "directory=%2Fd&workspace=wrk_1";
const message = { info: { id: "msg_1", sessionID: "ses_1", role: "user" }, parts: [] };

describe("api.messages.list / get", () => {
  it("EP-13 GET /session/:id/message, scoped; nextCursor undefined without X-Next-Cursor", async () => {
    const { api, calls } = testClient(() => json([message]), scoped);
    expect(await api.messages.list("ses_1")).toEqual({ items: [message], nextCursor: undefined });
    expect(only(calls)).toMatchObject({ method: "GET", target: `/session/ses_1/message?${scope}` });
  });

  it("limit and before go to the query; X-Next-Cursor becomes nextCursor", async () => {
    const { api, calls } = testClient(() => json([message], 200, { "X-Next-Cursor": "eyJpZCI6Im1zZ18xIn0" }), scoped);
    const page = await api.messages.list("ses_1", { limit: 2, before: "cur/sor=" });
    expect(page.nextCursor).toBe("eyJpZCI6Im1zZ18xIn0");
    expect(page.items).toEqual([message]);
    expect(only(calls).target).toBe(`/session/ses_1/message?limit=2&before=cur%2Fsor%3D&${scope}`);
  });

  it("a bad cursor is the server's 400 {_tag:'BadRequest'}", async () => {
    const { api } = testClient(() => json({ _tag: "BadRequest" }, 400));
    await expect(api.messages.list("ses_1", { limit: 2, before: "garbage" })).rejects.toBeInstanceOf(BadRequestError);
  });

  it("get: GET /session/:id/message/:messageId, scoped, ids encoded", async () => {
    const { api, calls } = testClient(() => json(message), scoped);
    expect(await api.messages.get("ses_1", "msg 1")).toEqual(message);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/session/ses_1/message/msg%201?${scope}` });
  });
});

describe("api.messages.send (sync)", () => {
  it("EP-05/EP-06 POST /session/:id/message, text becomes one text part, body in key order", async () => {
    const result = { info: { id: "msg_2", role: "assistant" }, parts: [] };
    const { api, calls } = testClient(() => json(result), scoped);
    const reply = await api.messages.send("ses_1", {
      variant: "high",
      system: "be brief",
      format: { type: "text" },
      tools: { bash: false },
      noReply: false,
      agent: "build",
      model: "openrouter/anthropic/claude-sonnet-4",
      text: "hi",
      messageID: "msg_1",
    });
    expect(reply).toEqual(result);
    expect(only(calls)).toMatchObject({ method: "POST", target: `/session/ses_1/message?${scope}` });
    expect(only(calls).body).toBe(
      '{"messageID":"msg_1","parts":[{"type":"text","text":"hi"}],' +
        '"model":{"providerID":"openrouter","modelID":"anthropic/claude-sonnet-4"},"agent":"build","noReply":false,' +
        '"tools":{"bash":false},"format":{"type":"text"},"system":"be brief","variant":"high"}',
    );
  });

  it("EP-06 explicit parts win over text", async () => {
    const { api, calls } = testClient(() => json({}));
    const parts = [{ type: "file" as const, mime: "text/plain", url: "data:text/plain;base64,aGk=", filename: "a.txt" }];
    await api.messages.send("ses_1", { text: "ignored", parts });
    expect(only(calls).body).toBe(JSON.stringify({ parts }));
  });

  it("MOD-01 splits the model at the first '/' into {providerID, modelID}; MOD-03 objects pass through", async () => {
    const { api, calls } = testClient(() => json({}));
    await api.messages.send("ses_1", { text: "x", model: "a/b/c" });
    await api.messages.send("ses_1", { text: "x", model: { providerID: "p", modelID: "m" } });
    expect(JSON.parse(calls[0]?.body ?? "null")).toEqual({ parts: [{ type: "text", text: "x" }], model: { providerID: "a", modelID: "b/c" } });
    expect(JSON.parse(calls[1]?.body ?? "null")).toEqual({ parts: [{ type: "text", text: "x" }], model: { providerID: "p", modelID: "m" } });
  });

  it("a prompt with neither text nor parts is a TypeError and sends nothing", async () => {
    const { api, calls } = testClient(() => json({}));
    await expect(api.messages.send("ses_1", {})).rejects.toBeInstanceOf(TypeError);
    await expect(api.messages.sendAsync("ses_1", { model: "a/b" })).rejects.toBeInstanceOf(TypeError);
    expect(calls).toHaveLength(0);
  });

  it("has no timeout by default: the turn may take longer than the client's timeoutMs", async () => {
    const { api, calls } = testClient(
      () => new Promise<Response>((resolve) => setTimeout(() => resolve(json({ info: {}, parts: [] })), 60)),
      { timeoutMs: 10 },
    );
    expect(await api.messages.send("ses_1", { text: "slow" })).toEqual({ info: {}, parts: [] });
    expect(only(calls).signal?.aborted).toBe(false);
  });

  it("an explicit timeoutMs applies", async () => {
    const { api } = testClient(hangingResponder);
    await expect(api.messages.send("ses_1", { text: "x" }, { timeoutMs: 10 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("api.messages.sendAsync", () => {
  it("EP-07 POST /session/:id/prompt_async, 204 resolves to undefined", async () => {
    const { api, calls } = testClient(() => raw(null, 204), scoped);
    expect(await api.messages.sendAsync("ses_1", { text: "hello" })).toBeUndefined();
    expect(only(calls)).toMatchObject({
      method: "POST",
      target: `/session/ses_1/prompt_async?${scope}`,
      body: '{"parts":[{"type":"text","text":"hello"}]}',
    });
    expect(only(calls).headers["content-type"]).toBe("application/json");
  });

  it("EP-07 structured example serialises exactly", async () => {
    const { api, calls } = testClient(() => raw(null, 204));
    const format = { type: "json_schema" as const, schema: { type: "object" }, retryCount: 0 };
    await api.messages.sendAsync("ses_1", {
      text: "Summarise",
      system: "Immutable Rails context",
      format,
      agent: "worker",
      messageID: "msg_worker_1",
    });
    expect(only(calls).body).toBe(
      '{"messageID":"msg_worker_1","parts":[{"type":"text","text":"Summarise"}],"agent":"worker",' +
        '"format":{"type":"json_schema","schema":{"type":"object"},"retryCount":0},"system":"Immutable Rails context"}',
    );
  });

  it("a missing session is the server's real 404 body -> NotFoundError", async () => {
    const { api } = testClient(() => json({ name: "NotFoundError", data: { message: "Session not found: ses_x" } }, 404));
    const error: unknown = await api.messages.sendAsync("ses_x", { text: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("POST /session/ses_x/prompt_async failed (404): Session not found: ses_x");
  });
});
