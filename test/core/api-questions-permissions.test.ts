import { describe, expect, it } from "vitest";
import { BadRequestError, InvalidResponseError, NotFoundError, UnauthorizedError } from "../../src/core/errors";
import { json, only, raw, testClient } from "./http-fake-fetch";

const scoped = { directory: "/d", workspace: "wrk_1" };
const scope = "directory=%2Fd&workspace=wrk_1";

// Shapes from fixtures/opencode-1.18.33 (question-reply.question-list.json, tool-permission-once.permission-list.json).
const question = {
  id: "que_20f63d359001aiM5Or1o9WVB69",
  sessionID: "ses_df09c2cddffeGzlEIEJ7gPC21C",
  questions: [{ question: "Which color do you prefer?", header: "Color", options: [{ label: "Red", description: "The color red" }] }],
  tool: { messageID: "msg_20f63d3350015W8sdxL2gjRYTv", callID: "call_fake_16_0" },
};
const permission = {
  id: "per_20f63c6a2001RSEMB5CPhvK2cO",
  sessionID: "ses_df09c3a1bffe0v0djSzUypK1Ke",
  permission: "bash",
  patterns: ["echo hi"],
  metadata: { command: "echo hi" },
  always: ["echo *"],
  tool: { messageID: "msg_20f63c604001w42ZhmiamU6Wkm", callID: "call_fake_6_0" },
};
const questionNotFound = { _tag: "QuestionNotFoundError", requestID: "que_x", message: "Question request not found: que_x" };

describe("api.questions", () => {
  it("EP-18 / LQ-01 list: GET /question, scoped, returns the array", async () => {
    const { api, calls } = testClient(() => json([question]), scoped);
    expect(await api.questions.list()).toEqual([question]);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/question?${scope}` });
  });

  it("LQ-02 an object, a 204 or an empty body gives []", async () => {
    expect(await testClient(() => json({ id: "que_1" })).api.questions.list()).toEqual([]);
    expect(await testClient(() => raw(null, 204)).api.questions.list()).toEqual([]);
    expect(await testClient(() => raw("", 200)).api.questions.list()).toEqual([]);
  });

  it("LQ-03 errors follow ERR (401 divergence: UnauthorizedError); invalid JSON is InvalidResponseError", async () => {
    await expect(testClient(() => raw(null, 401)).api.questions.list()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(testClient(() => json({ name: "NotFoundError", data: { message: "x" } }, 404)).api.questions.list()).rejects.toBeInstanceOf(NotFoundError);
    await expect(testClient(() => raw("{", 200, "application/json")).api.questions.list()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("LQ-06 instrumentation path is /question without the query", async () => {
    const { api, events } = testClient(() => json([]), scoped);
    await api.questions.list();
    expect(events).toEqual([expect.objectContaining({ method: "GET", path: "/question", status: 200 })]);
  });

  it("EP-15 reply: POST /question/:id/reply with {answers}, scoped -> true", async () => {
    const { api, calls } = testClient(() => json(true), scoped);
    expect(await api.questions.reply("que_1", [["Red"], []])).toBe(true);
    expect(only(calls)).toMatchObject({ method: "POST", target: `/question/que_1/reply?${scope}`, body: '{"answers":[["Red"],[]]}' });
  });

  it("EP-16 reject: POST /question/:id/reject with {}, scoped -> true", async () => {
    const { api, calls } = testClient(() => json(true), scoped);
    expect(await api.questions.reject("que_1")).toBe(true);
    expect(only(calls)).toMatchObject({ method: "POST", target: `/question/que_1/reject?${scope}`, body: "{}" });
  });

  it("ERR-05 reply/reject to an unknown request: the real tagged 404 -> NotFoundError", async () => {
    const { api } = testClient(() => json(questionNotFound, 404));
    const error: unknown = await api.questions.reply("que_x", [["Red"]]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("POST /question/que_x/reply failed (404): Question request not found: que_x");
    await expect(api.questions.reject("que_x")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("api.permissions", () => {
  it("list: GET /permission, scoped; a non-array 2xx gives []", async () => {
    const { api, calls } = testClient(() => json([permission]), scoped);
    expect(await api.permissions.list()).toEqual([permission]);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/permission?${scope}` });
    expect(await testClient(() => json({})).api.permissions.list()).toEqual([]);
  });

  it("EP-17 reply: POST /permission/:id/reply with {reply}, scoped -> true", async () => {
    const { api, calls } = testClient(() => json(true), scoped);
    for (const reply of ["once", "always", "reject"] as const) expect(await api.permissions.reply("per_1", reply)).toBe(true);
    expect(calls.map((c) => [c.method, c.target, c.body])).toEqual([
      ["POST", `/permission/per_1/reply?${scope}`, '{"reply":"once"}'],
      ["POST", `/permission/per_1/reply?${scope}`, '{"reply":"always"}'],
      ["POST", `/permission/per_1/reply?${scope}`, '{"reply":"reject"}'],
    ]);
  });

  it("EP-17 a present message is sent; a blank one is omitted", async () => {
    const { api, calls } = testClient(() => json(true));
    await api.permissions.reply("per_1", "reject", "use staging");
    await api.permissions.reply("per_1", "reject", "   ");
    await api.permissions.reply("per_1", "reject", "");
    expect(calls.map((c) => c.body)).toEqual(['{"reply":"reject","message":"use staging"}', '{"reply":"reject"}', '{"reply":"reject"}']);
  });

  it("unknown request: the real PermissionNotFoundError 404; a bad reply: the real 400", async () => {
    const notFound = { _tag: "PermissionNotFoundError", requestID: "per_x", message: "Permission request not found: per_x" };
    await expect(testClient(() => json(notFound, 404)).api.permissions.reply("per_x", "once")).rejects.toBeInstanceOf(NotFoundError);
    const bad = { name: "BadRequest", data: { message: 'Expected "once" | "always" | "reject", got "bogus"\n  at ["reply"]', kind: "Payload" } };
    await expect(testClient(() => json(bad, 400)).api.permissions.reply("per_x", "once")).rejects.toBeInstanceOf(BadRequestError);
  });
});
