/**
 * The prompt options and routes no other e2e file uses, on a real `opencode serve`: the
 * synchronous send with model, agent, system, tools, format, variant and our own messageID;
 * messages.get; file parts; noReply.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { createOpencodeClient } from "../../src/core";
import type { OpencodeClient } from "../../src/core";
import { formatId, idTimeValue } from "../../src/core/ids";
import { useOpencodeServer } from "../harness/use-server";
import { fileTimer, HELLO_TEXT } from "./core-support";

const server = useOpencodeServer();
afterAll(fileTimer("core-prompt-options"));
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= createOpencodeClient({ baseUrl: server().baseUrl }));

/** A message id of the server's ascending form, later than any the server made so far. */
const ourMessageId = (): string => formatId("msg", idTimeValue(Date.now() + 1_000, 0), "ourOwnId00000");

const textOf = (parts: ReadonlyArray<{ type: string; text?: string }>): string =>
  parts.flatMap((part) => (part.type === "text" && part.text !== undefined ? [part.text] : [])).join("");

describe("the synchronous send", () => {
  it("answers with the assistant message; the prompt's model, agent, system, tools, variant and messageID are stored", async () => {
    const session = await client().sessions.create({ title: "sync send" });
    const messageID = ourMessageId();
    const llmBefore = server().llmRequests().length;
    const result = await client().messages.send(session.id, {
      text: "hello",
      messageID,
      model: "fake/fake-model",
      agent: "build",
      system: "Answer in one sentence.",
      tools: { bash: false },
      variant: "high",
    });
    expect(result.info.role).toBe("assistant");
    expect(textOf(result.parts)).toBe(HELLO_TEXT);
    expect(result.info).toMatchObject({ sessionID: session.id, parentID: messageID, providerID: "fake", modelID: "fake-model" });

    const user = await client().messages.get(session.id, messageID);
    expect(user.info).toMatchObject({
      id: messageID,
      role: "user",
      agent: "build",
      system: "Answer in one sentence.",
      tools: { bash: false },
      model: { providerID: "fake", modelID: "fake-model" },
    });
    expect(textOf(user.parts)).toBe("hello");
    const assistant = await client().messages.get(session.id, result.info.id);
    expect(assistant.info.id).toBe(result.info.id);
    expect(textOf(assistant.parts)).toBe(HELLO_TEXT);

    // The model was asked with the chosen model and without the disabled tool.
    const calls = server().llmRequests().slice(llmBefore).filter((request) => !request.isTitle);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.every((call) => call.model === "fake-model" && !call.tools.includes("bash"))).toBe(true);
  });

  it("accepts an output format and answers", async () => {
    // Reading such a message back fails on 1.18.33 (GET .../message answers 400 "Expected
    // OutputFormatText"): only the send is checked here.
    const session = await client().sessions.create({ title: "format" });
    const result = await client().messages.send(session.id, { text: "hello", format: { type: "text" } });
    expect(result.info.role).toBe("assistant");
    expect(textOf(result.parts)).toBe(HELLO_TEXT);
  });

  it("noReply stores the prompt without a turn", async () => {
    const session = await client().sessions.create({ title: "no reply" });
    const llmBefore = server().llmRequests().length;
    const result = await client().messages.send(session.id, { text: "just a note", noReply: true });
    expect(result.info.role).toBe("user");
    const { items } = await client().messages.list(session.id);
    expect(items.map((m) => m.info.role)).toEqual(["user"]);
    expect(server().llmRequests().slice(llmBefore).filter((request) => !request.isTitle)).toEqual([]);
  });
});

describe("file parts", () => {
  it("a text file sent as a data URL is stored with the prompt and its content reaches the model", async () => {
    const session = await client().sessions.create({ title: "file part" });
    const content = "The secret word is pineapple.";
    const url = `data:text/plain;base64,${Buffer.from(content).toString("base64")}`;
    const llmBefore = server().llmRequests().length;
    const sent = client().messages.send(
      session.id,
      { parts: [{ type: "text", text: "hello" }, { type: "file", mime: "text/plain", filename: "note.txt", url }] },
      { timeoutMs: 0 },
    );
    // The server adds "Called the Read tool ..." to the prompt, which the scripted model answers
    // with a bash call: allow it once so the turn ends.
    const asked = await vi.waitFor(
      async () => {
        const found = (await client().permissions.list()).find((request) => request.sessionID === session.id);
        if (found === undefined) throw new Error("no bash permission asked yet");
        return found;
      },
      { timeout: 45_000, interval: 200 },
    );
    await client().permissions.reply(asked.id, "once");
    const result = await sent;
    expect(result.info.role).toBe("assistant");
    const { items } = await client().messages.list(session.id);
    const file = items[0]?.parts.find((part) => part.type === "file");
    expect(file).toMatchObject({ type: "file", mime: "text/plain", filename: "note.txt", url });
    const calls = server().llmRequests().slice(llmBefore).filter((request) => !request.isTitle);
    expect(calls.some((call) => call.userText.includes("pineapple"))).toBe(true);
  });
});
