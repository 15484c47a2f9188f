/**
 * The catalog, file and session-action routes of the core client against a real `opencode serve`
 * with the scripted model: providers, agents, commands (list and run), find files, fork, revert and
 * unrevert, summarize, shell, diff, delete a message, share offline (a typed error), client.request.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, createOpencodeClient, filePart, NotFoundError, OpencodeError, ServerError } from "../../src/core";
import type { OpencodeClient } from "../../src/core";
import { useOpencodeServer, waitFor } from "../harness/use-server";
import { assistantText, fileTimer, HELLO_TEXT, runTurn, startTurn } from "./core-support";

const server = useOpencodeServer({
  extraConfig: { command: { greet: { description: "Say hello", template: "hello $ARGUMENTS" } } },
});
afterAll(fileTimer("core-api-extras"));
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= createOpencodeClient({ baseUrl: server().baseUrl, directory: server().directory }));

/** A session with `turns` finished "hello" turns; returns the ids of its messages in order. */
async function sessionWithTurns(turns: number): Promise<{ id: string; messages: string[] }> {
  const session = await client().sessions.create({ title: "extras" });
  for (let i = 0; i < turns; i += 1) await runTurn(client(), session.id, "hello");
  const { items } = await client().messages.list(session.id);
  return { id: session.id, messages: items.map((m) => m.info.id) };
}

describe("catalog", () => {
  it("providers include the scripted provider with its models; providerList lists it as connected", async () => {
    const { providers, default: defaults } = await client().catalog.providers();
    const fake = providers.find((p) => p.id === "fake");
    expect(Object.keys(fake?.models ?? {}).sort()).toEqual(["fake-model", "fake-small"]);
    expect(defaults.fake).toMatch(/^fake-/);
    expect((await client().catalog.providerList()).connected).toContain("fake");
  });

  it("agents include build (primary) and hidden helpers; commands list the configured one", async () => {
    const agents = await client().catalog.agents();
    expect(agents.find((a) => a.name === "build")).toMatchObject({ mode: "primary" });
    expect(agents.some((a) => a.hidden === true)).toBe(true);
    const commands = await client().catalog.commands();
    expect(commands.find((c) => c.name === "greet")).toMatchObject({ description: "Say hello", template: "hello $ARGUMENTS" });
    expect(Array.isArray(await client().catalog.skills())).toBe(true);
  });

  it("config, path, project and vcs answer for the directory (no git: no branch)", async () => {
    expect((await client().config.get()).model).toBe("fake/fake-model");
    expect((await client().project.path()).directory).toBe(server().directory);
    expect((await client().project.current()).id).toBeTruthy();
    expect(await client().project.vcs()).toEqual({});
  });
});

describe("files", () => {
  it("find files in the test directory, list it, read a file; a relative filePart reaches the model", async () => {
    const dir = server().directory;
    fs.mkdirSync(path.join(dir, "src"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "widget.ts"), "export const widget = 42;\n");
    expect(await client().files.find("widget")).toContain("src/widget.ts");
    expect((await client().files.list("src")).map((n) => n.name)).toContain("widget.ts");
    expect(await client().files.content("src/widget.ts")).toMatchObject({ type: "text", content: expect.stringContaining("export const widget = 42;") });
    expect(Array.isArray(await client().files.status())).toBe(true);

    const session = await client().sessions.create({ title: "mention" });
    // The user message is stored (with the file read into it) as soon as the prompt is accepted.
    await client().messages.sendAsync(session.id, { parts: [{ type: "text", text: "hello @src/widget.ts" }, filePart("src/widget.ts", { at: 6 })] });
    const texts = await waitFor(async () => {
      const [user] = (await client().messages.list(session.id)).items;
      const text = (user?.parts ?? []).map((p) => (p.type === "text" ? p.text : "")).join("\n");
      return text.includes("widget = 42") ? text : undefined;
    });
    await client().sessions.abort(session.id);
    expect(texts).toContain("widget = 42");
  });
});

describe("session actions", () => {
  it("fork with a messageID copies the messages before it; without one, all of them", async () => {
    const source = await sessionWithTurns(2);
    const secondUser = source.messages[2] as string;
    const forked = await client().sessions.fork(source.id, { messageID: secondUser });
    expect(forked.id).not.toBe(source.id);
    expect((await client().messages.list(forked.id)).items.map((m) => m.info.role)).toEqual(["user", "assistant"]);
    const whole = await client().sessions.fork(source.id);
    expect((await client().messages.list(whole.id)).items).toHaveLength(4);
  });

  it("revert sets session.revert (messages stay stored), unrevert clears it", async () => {
    const source = await sessionWithTurns(2);
    const secondUser = source.messages[2] as string;
    const reverted = await client().sessions.revert(source.id, { messageID: secondUser });
    expect(reverted.revert?.messageID).toBe(secondUser);
    expect((await client().sessions.get(source.id)).revert?.messageID).toBe(secondUser);
    const restored = await client().sessions.unrevert(source.id);
    expect(restored.revert).toBeUndefined();
  });

  it("run a slash command: the template becomes the prompt and the reply comes back", async () => {
    const session = await client().sessions.create({ title: "command" });
    const result = await client().sessions.command(session.id, { command: "/greet", arguments: "world" });
    expect(result.info.role).toBe("assistant");
    const { items } = await client().messages.list(session.id);
    expect(assistantText(items)).toContain(HELLO_TEXT);
    const user = items.find((m) => m.info.role === "user");
    expect(user?.parts.map((p) => (p.type === "text" ? p.text : "")).join("")).toContain("hello world");
  });

  it("shell runs in the project and is recorded; during a turn it is a ConflictError", async () => {
    const session = await client().sessions.create({ title: "shell" });
    const result = await client().sessions.shell(session.id, { command: "echo from-shell" });
    const tool = result.parts.find((p) => p.type === "tool");
    expect(tool?.type === "tool" && tool.state.status === "completed" ? tool.state.output : "").toContain("from-shell");

    let streaming: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (streaming = resolve));
    const turn = await startTurn(client(), session.id, "slow", { onEvent: (e) => e.type === "message.part.delta" && streaming() });
    try {
      await started;
      const error = await client().sessions.shell(session.id, { command: "echo busy" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ status: 409, message: expect.stringContaining("busy") });
      await client().sessions.abort(session.id);
      await turn.idle;
    } finally {
      turn.handle.unsubscribe();
    }
  });

  it("summarize compacts the session; diff lists nothing for a chat without edits", async () => {
    const source = await sessionWithTurns(1);
    expect(await client().sessions.summarize(source.id, { model: "fake/fake-model" })).toBe(true);
    const { items } = await client().messages.list(source.id);
    expect(items.some((m) => m.parts.some((p) => p.type === "compaction"))).toBe(true);
    expect(await client().sessions.diff(source.id)).toEqual([]);
  });

  it("delete a message and a part; the message is gone from the list", async () => {
    const source = await sessionWithTurns(1);
    const [userId, assistantId] = source.messages as [string, string];
    const assistant = await client().messages.get(source.id, assistantId);
    const part = assistant.parts[0];
    if (part) await expect(client().messages.deletePart(source.id, assistantId, part.id)).resolves.toBe(true);
    await expect(client().messages.delete(source.id, userId)).resolves.toBe(true);
    const left = (await client().messages.list(source.id)).items;
    expect(left.map((m) => m.info.id)).toEqual([assistantId]);
    expect(left[0]?.parts.map((p) => p.id)).not.toContain(part?.id);
    await expect(client().messages.delete("ses_missing00000000000000000", userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("share without network (sharing disabled) is a typed ServerError, not a crash; the session is unchanged", async () => {
    const session = await client().sessions.create({ title: "share" });
    const error = await client().sessions.share(session.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpencodeError);
    expect(error).toBeInstanceOf(ServerError);
    expect((await client().sessions.get(session.id)).share).toBeUndefined();
  });

  it("client.request reaches a route without a method of its own, with scoping", async () => {
    const status = await client().request("GET", "/vcs/status").catch((e: unknown) => e);
    // Outside a git repository the route may refuse; either way the answer is typed, never a crash.
    if (status instanceof Error) expect(status).toBeInstanceOf(OpencodeError);
    else expect(Array.isArray(status)).toBe(true);
    const session = await client().request("POST", "/session/{sessionID}/fork", { params: { sessionID: (await client().sessions.create({})).id }, body: {} });
    expect(session.directory).toBe(server().directory);
    await waitFor(async () => (await client().sessions.get(session.id)).id === session.id);
  });
});
