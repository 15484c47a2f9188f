/**
 * Whole turns through `client.prompt` against a real `opencode serve` and the scripted model:
 * streamed text, the question tool, bash permissions, a fatal provider error and a retried one.
 * Permissions are only answered "once" or "reject" here: "always" would persist server-wide.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createOpencodeClient, createReplyStore, NotFoundError } from "../../src/core";
import { until } from "../support/sse-server";
import type { OpencodeClient, WireEvent } from "../../src/core";
import { useOpencodeServer } from "../harness/use-server";
import { assistantText, field, fileTimer, HELLO_TEXT, prop, runTurn, startTurn, toolParts } from "./core-support";

const server = useOpencodeServer();
afterAll(fileTimer("core-turns"));
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= createOpencodeClient({ baseUrl: server().baseUrl }));

const ofType = (events: WireEvent[], type: string): WireEvent[] => events.filter((e) => e.type === type);

/**
 * Runs a turn and answers the first `asked` event with `answer`. The answer's promise is kept and
 * awaited after the turn, so an HTTP failure fails the test instead of hanging the turn.
 */
async function turnAnswering(text: string, askedType: string, answer: (asked: WireEvent) => Promise<unknown>): Promise<{ sessionId: string; events: WireEvent[]; answered: unknown }> {
  const session = await client().sessions.create({ title: text });
  let reply: Promise<unknown> | undefined;
  const events = await runTurn(client(), session.id, text, (event) => {
    if (event.type === askedType && reply === undefined) reply = answer(event);
  });
  expect(reply, `no ${askedType} in: ${events.map((e) => e.type).join(",")}`).toBeDefined();
  return { sessionId: session.id, events, answered: await reply };
}

describe("streamed text", () => {
  it("hello: the deltas add up to the final text part, which is what messages.list returns", async () => {
    const session = await client().sessions.create();
    const events = await runTurn(client(), session.id, "hello");
    const deltas = ofType(events, "message.part.delta");
    expect(deltas.length).toBeGreaterThanOrEqual(5); // one event per model chunk, no coalescing
    expect(deltas.every((e) => prop(e, "field") === "text" && prop(e, "sessionID") === session.id)).toBe(true);
    const partId = prop(deltas[0]!, "partID");
    expect(deltas.every((e) => prop(e, "partID") === partId)).toBe(true);
    const streamed = deltas.map((e) => prop(e, "delta")).join("");
    expect(streamed).toBe(HELLO_TEXT);

    const snapshots = ofType(events, "message.part.updated").filter((e) => prop(e, "part", "id") === partId);
    expect(prop(snapshots.at(-1)!, "part", "text")).toBe(streamed);
    const { items } = await client().messages.list(session.id);
    expect(assistantText(items)).toBe(streamed);
    const stored = items.flatMap((m) => m.parts).find((p) => p.id === partId);
    expect(stored).toMatchObject({ type: "text", text: HELLO_TEXT });
  });
});

describe("questions", () => {
  it("question.asked is listed; replying [['Red']] emits question.replied, the turn completes, a second reply is NotFoundError", async () => {
    let listed: unknown[] = [];
    const { sessionId, events, answered } = await turnAnswering("question", "question.asked", async (asked) => {
      listed = await client().questions.list();
      return client().questions.reply(prop(asked, "id"), [["Red"]]);
    });
    const asked = ofType(events, "question.asked")[0]!;
    expect(asked.properties).toMatchObject({ sessionID: sessionId, questions: [{ header: "Color", question: "Which color do you prefer?" }] });
    expect(listed).toContainEqual(expect.objectContaining({ id: prop(asked, "id"), sessionID: sessionId }));
    expect(answered).toBe(true);
    expect(ofType(events, "question.replied")[0]?.properties).toMatchObject({ requestID: prop(asked, "id"), answers: [["Red"]] });
    const { items } = await client().messages.list(sessionId);
    const [tool] = toolParts(items);
    expect(tool).toMatchObject({ tool: "question", state: { status: "completed" } });
    expect(String(field(tool?.state, "output"))).toContain('"Which color do you prefer?"="Red"');
    expect(assistantText(items)).toContain("Tool result received");
    expect(await client().questions.list()).not.toContainEqual(expect.objectContaining({ id: prop(asked, "id") }));
    const again = await client().questions.reply(prop(asked, "id"), [["Blue"]]).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
    expect((again as Error).message).toContain(`Question request not found: ${prop(asked, "id")}`);
  });

  it("a reply store created while a turn waits on a question takes it over: awaiting-input, then the answer ends the turn", async () => {
    const session = await client().sessions.create({ title: "resume-question" });
    let seen: (event: WireEvent) => void = () => undefined;
    const asked = new Promise<WireEvent>((resolve) => (seen = resolve));
    const turn = await startTurn(client(), session.id, "question", {
      onEvent: (event) => {
        if (event.type === "question.asked") seen(event);
      },
    });
    const id = prop(await asked, "id");
    // Created after question.asked went by: the store learns the question from GET /question.
    const store = createReplyStore({ client: client(), sessionId: session.id });
    try {
      await until(() => store.getState().status === "awaiting-input", "the resumed store to await input", 15_000);
      expect(store.getState().questions[id]?.questions).toMatchObject([{ header: "Color" }]);
      await client().questions.reply(id, [["Red"]]);
      await turn.idle;
      await until(() => store.getState().result !== null, "the store to finish the turn", 15_000);
      expect(store.getState()).toMatchObject({ status: "idle", questions: {}, error: null });
    } finally {
      store.getState().dispose();
      turn.handle.unsubscribe();
    }
  });

  it("rejecting a question emits question.rejected and the tool ends as dismissed", async () => {
    const { sessionId, events, answered } = await turnAnswering("question", "question.asked", (asked) =>
      client().questions.reject(prop(asked, "id")),
    );
    expect(answered).toBe(true);
    expect(ofType(events, "question.rejected")).toHaveLength(1);
    const [tool] = toolParts((await client().messages.list(sessionId)).items);
    expect(tool).toMatchObject({ tool: "question", state: { status: "error", error: expect.stringMatching(/dismissed/) } });
  });
});

describe("permissions", () => {
  it("permission.asked for bash; reply 'once' runs the tool (output hi); a second reply is NotFoundError", async () => {
    const { sessionId, events, answered } = await turnAnswering("tool", "permission.asked", (asked) =>
      client().permissions.reply(prop(asked, "id"), "once"),
    );
    const asked = ofType(events, "permission.asked")[0]!;
    expect(asked.properties).toMatchObject({ sessionID: sessionId, permission: "bash", patterns: ["echo hi"] });
    expect(answered).toBe(true);
    expect(ofType(events, "permission.replied")[0]?.properties).toMatchObject({ requestID: prop(asked, "id"), reply: "once" });
    const { items } = await client().messages.list(sessionId);
    const [tool] = toolParts(items);
    expect(tool).toMatchObject({ tool: "bash", state: { status: "completed" } });
    // bash output keeps the command's trailing newline.
    expect(String(field(tool?.state, "output")).trim()).toBe("hi");

    const again = await client().permissions.reply(prop(asked, "id"), "once").catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
    expect((again as Error).message).toContain(`Permission request not found: ${prop(asked, "id")}`);
  });

  it("reject with a message fails the tool with that feedback and the turn continues", async () => {
    const feedback = "use ls instead";
    const { sessionId, events } = await turnAnswering("tool", "permission.asked", (asked) =>
      client().permissions.reply(prop(asked, "id"), "reject", feedback),
    );
    expect(ofType(events, "permission.replied")[0]?.properties).toMatchObject({ reply: "reject" });
    expect(ofType(events, "session.error")).toEqual([]);
    const { items } = await client().messages.list(sessionId);
    const [tool] = toolParts(items);
    expect(tool).toMatchObject({ tool: "bash", state: { status: "error", error: expect.stringContaining(feedback) } });
    // A second assistant message: the model got the rejection as the tool result and answered.
    // (The fake model echoes only the first ~100 characters of a tool result: the feedback itself
    // is cut off there, so the check stops at the server's fixed preamble.)
    expect(items.filter((m) => m.info.role === "assistant")).toHaveLength(2);
    expect(assistantText(items)).toMatch(/^Tool result received: The user rejected permission/);
  });
});

describe("provider errors", () => {
  it("fatal400: session.error carries the provider's message and the turn ends", async () => {
    const session = await client().sessions.create();
    const events = await runTurn(client(), session.id, "fatal400");
    const error = ofType(events, "session.error")[0];
    expect(error?.properties).toMatchObject({
      sessionID: session.id,
      error: { name: "APIError", data: { message: "Fake bad request: this model refuses fatal400", statusCode: 400 } },
    });
  });

  it("flaky500: session.status reports retry attempts 1 and 2, then the turn completes", async () => {
    const session = await client().sessions.create();
    const events = await runTurn(client(), session.id, "flaky500");
    const retries = ofType(events, "session.status").filter((e) => prop(e, "status", "type") === "retry");
    expect(retries.map((e) => field(e.properties, "status", "attempt"))).toEqual([1, 2]);
    expect(retries.map((e) => prop(e, "status", "message"))).toEqual(["Fake internal error (attempt 1)", "Fake internal error (attempt 2)"]);
    expect(ofType(events, "session.error")).toEqual([]);
    expect(assistantText((await client().messages.list(session.id)).items)).toBe("You said: flaky500");
  });
});
