// The optimistic user message a send puts in the cache before the server answers
// (optimistic-message.ts), and the ids it carries (ascending-id.ts): what a chat shows for the
// prompt while it is on its way, and that its ids sort where the server will put them.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UserMessage } from "@opencode-ai/sdk/v2";
import type { PromptInput } from "../../src/core/api";
import { parseIdTime } from "../../src/core/ids";
import { ascendingId } from "../../src/react/cache/ascending-id";
import { buildOptimisticMessage, identifyPrompt, isOptimisticMessage } from "../../src/react/cache/optimistic-message";

afterEach(() => {
  vi.restoreAllMocks();
});

const ID = /^(msg|prt)_[0-9a-f]{12}[0-9A-Za-z]{14}$/;

describe("identifyPrompt", () => {
  it("turns text into one text part with a fresh part id and a message id after the newest one", () => {
    const newest = "msg_20f63d939001fQkRxvsI2Y1FV5";
    const prompt = identifyPrompt<PromptInput>({ text: "hi", agent: "plan" }, newest);
    expect(prompt.agent).toBe("plan");
    expect(prompt.messageID).toMatch(ID);
    expect(prompt.messageID! > newest).toBe(true);
    expect(prompt.parts).toHaveLength(1);
    expect(prompt.parts![0]).toMatchObject({ type: "text", text: "hi" });
    expect(prompt.parts![0]!.id).toMatch(/^prt_/);
    expect(prompt.parts![0]!.id).toMatch(ID);
  });

  it("keeps the ids the caller chose, and gives an id to parts with none or an empty one", () => {
    const prompt = identifyPrompt({
      messageID: "msg_mine",
      parts: [
        { type: "text", text: "a", id: "prt_mine" },
        { type: "text", text: "b", id: "" },
        { type: "text", text: "c" },
      ],
    });
    expect(prompt.messageID).toBe("msg_mine");
    const [a, b, c] = prompt.parts!;
    expect(a!.id).toBe("prt_mine");
    expect(b!.id).toMatch(/^prt_/);
    expect(b!.id).toMatch(ID);
    expect(c!.id).toMatch(ID);
    expect(b!.id).not.toBe(c!.id);
    expect(prompt.parts!.map((part) => (part as { text: string }).text)).toEqual(["a", "b", "c"]);
  });

  it("returns a prompt with neither text nor parts unchanged", () => {
    const prompt = { agent: "build" };
    expect(identifyPrompt(prompt)).toBe(prompt);
  });
});

describe("buildOptimisticMessage", () => {
  const parts = [{ id: "prt_1", type: "text" as const, text: "hello" }];

  it("is a user message of the session, created now, with the prompt's parts attached to it", () => {
    const message = buildOptimisticMessage("ses_1", { messageID: "msg_1", parts }, 1234);
    const info = message.info as UserMessage;
    expect(info).toMatchObject({ id: "msg_1", sessionID: "ses_1", role: "user", time: { created: 1234 } });
    expect(message.parts).toEqual([{ id: "prt_1", type: "text", text: "hello", sessionID: "ses_1", messageID: "msg_1" }]);
    expect(isOptimisticMessage(message)).toBe(true);
    // The server's copy of the same message is not optimistic.
    expect(isOptimisticMessage({ info: { ...info }, parts: message.parts })).toBe(false);
  });

  it("leaves agent and model empty when the server picks them, and adds no system, tools or variant", () => {
    const info = buildOptimisticMessage("ses_1", { messageID: "msg_1", parts }).info as UserMessage;
    expect(info.agent).toBe("");
    expect(info.model).toEqual({ providerID: "", modelID: "" });
    expect("variant" in info.model).toBe(false);
    expect("system" in info).toBe(false);
    expect("tools" in info).toBe(false);
    expect(typeof info.time.created).toBe("number");
  });

  it("carries the agent, the model (string or object), its variant, the system prompt and the tools", () => {
    const info = buildOptimisticMessage("ses_1", {
      messageID: "msg_1",
      parts,
      agent: "plan",
      model: "anthropic/claude-sonnet-4",
      variant: "high",
      system: "Be brief.",
      tools: { bash: false },
    }).info as UserMessage;
    expect(info.agent).toBe("plan");
    expect(info.model).toEqual({ providerID: "anthropic", modelID: "claude-sonnet-4", variant: "high" });
    expect(info.system).toBe("Be brief.");
    expect(info.tools).toEqual({ bash: false });
    const objectModel = buildOptimisticMessage("ses_1", { messageID: "msg_2", parts, model: { providerID: "openai", modelID: "gpt-5" } }).info as UserMessage;
    expect(objectModel.model).toEqual({ providerID: "openai", modelID: "gpt-5" });
  });

  it("puts a variant on the server's default model when no model was chosen", () => {
    const info = buildOptimisticMessage("ses_1", { messageID: "msg_1", parts, variant: "low" }).info as UserMessage;
    expect(info.model).toEqual({ providerID: "", modelID: "", variant: "low" });
  });
});

describe("ascendingId: the time value", () => {
  const T = 1_780_000_000_000;

  it("restarts its per-millisecond counter when the clock moves on (the id still tells its time)", () => {
    const clock = vi.spyOn(Date, "now").mockReturnValue(T);
    const first = ascendingId("msg");
    ascendingId("msg");
    const third = ascendingId("msg");
    expect(parseIdTime(first, "msg")! % 0x1000).toBe(1);
    expect(parseIdTime(third, "msg")! % 0x1000).toBe(3);
    clock.mockReturnValue(T + 1);
    const next = ascendingId("msg");
    expect(parseIdTime(next, "msg")! % 0x1000).toBe(1);
    expect(next > third).toBe(true);
  });

  it("keeps its own time when the newest id is older, and sorts after one made at the same instant", () => {
    vi.spyOn(Date, "now").mockReturnValue(T + 10);
    const old = "msg_000000000001zzzzzzzzzzzzzz";
    const own = ascendingId("msg", old);
    expect(Math.floor(parseIdTime(own, "msg")! / 0x1000)).toBe((T + 10) % 2 ** 36);

    vi.spyOn(Date, "now").mockReturnValue(T + 20);
    // The server made an id with the very time value ours would get, and the largest suffix.
    const expected = ((T + 20) % 2 ** 36) * 0x1000 + 1;
    const same = `msg_${expected.toString(16).padStart(12, "0")}zzzzzzzzzzzzzz`;
    const after = ascendingId("msg", same);
    expect(after > same).toBe(true);
    expect(parseIdTime(after, "msg")).toBe(expected + 1);
  });

  it("ignores an `after` of another kind (a part id does not move a message id)", () => {
    vi.spyOn(Date, "now").mockReturnValue(T + 30);
    const id = ascendingId("msg", "prt_ffffff000001AAAAAAAAAAAAAA");
    expect(Math.floor(parseIdTime(id, "msg")! / 0x1000)).toBe((T + 30) % 2 ** 36);
  });
});
