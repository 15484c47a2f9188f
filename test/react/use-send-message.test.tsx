// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MessageWithParts } from "../../src/core/api";
import { BadRequestError, NotFoundError } from "../../src/core/errors";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { isOptimisticMessage } from "../../src/react/cache/optimistic-message";
import { useMessages } from "../../src/react/use-messages";
import { useSendMessage } from "../../src/react/use-send-message";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeUserMessage } from "../support/fake-opencode-data";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

function setup() {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession();
  const existing = fakeUserMessage(session.id, "earlier");
  fake.instance().addMessages(session.id, existing);
  const client = fakeClient(fake);
  const queryClient = testQueryClient();
  const hook = renderOpencodeHook(() => ({ messages: useMessages(session.id), send: useSendMessage() }), { client, queryClient });
  const list = (): MessageWithParts[] => flattenMessagePages(hook.result.current.messages.data);
  return { fake, session, existing, client, hook, list };
}

const bodyOf = (fake: ReturnType<typeof createFakeOpencode>, path: string) =>
  fake.requests.find((r) => r.method === "POST" && r.path === path)?.body as Record<string, unknown> | undefined;

describe("useSendMessage", () => {
  it("shows the user message at once, under an id the server echoes (no duplicate)", async () => {
    const { fake, session, existing, client, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    await feedOpen(client);
    const gate = fake.hold("POST", `/session/${session.id}/prompt_async`);

    act(() => hook.result.current.send.mutate({ sessionId: session.id, text: "hello", agent: "build", model: "fake/fake-model" }));
    await waitFor(() => expect(list()).toHaveLength(2));
    const optimistic = list()[1] as MessageWithParts;
    expect(isOptimisticMessage(optimistic)).toBe(true);
    expect(optimistic.info.id).toMatch(/^msg_[0-9a-f]{12}[0-9A-Za-z]{14}$/);
    expect(optimistic.info.id > existing.info.id).toBe(true);
    expect(optimistic.parts).toMatchObject([{ type: "text", text: "hello", messageID: optimistic.info.id }]);
    expect(hook.result.current.send.variables?.messageID).toBe(optimistic.info.id);

    gate.release();
    await waitFor(() => expect(hook.result.current.send.isSuccess).toBe(true));
    expect(hook.result.current.send.data).toEqual({ messageID: optimistic.info.id, mode: "async", reply: undefined });
    const body = bodyOf(fake, `/session/${session.id}/prompt_async`);
    expect(body?.messageID).toBe(optimistic.info.id);
    expect(body?.parts).toEqual([{ type: "text", text: "hello", id: optimistic.parts[0]?.id }]);
    expect(body?.model).toEqual({ providerID: "fake", modelID: "fake-model" });

    // The fake server emitted message.updated + message.part.updated with the same ids.
    await waitFor(() => expect(isOptimisticMessage(list()[1] as MessageWithParts)).toBe(false));
    expect(list()).toHaveLength(2);
    expect(list()[1]?.parts).toHaveLength(1);
  });

  it("removes the optimistic message and surfaces the error when the server refuses", async () => {
    const { fake, session, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    const gate = fake.hold("POST", `/session/${session.id}/prompt_async`);
    fake.failNext("POST", `/session/${session.id}/prompt_async`, 404, { name: "NotFoundError", data: { message: "Session not found" } });
    act(() => hook.result.current.send.mutate({ sessionId: session.id, text: "lost" }));
    await waitFor(() => expect(list()).toHaveLength(2));
    expect(hook.result.current.send.isPending).toBe(true);
    gate.release();
    await waitFor(() => expect(hook.result.current.send.isError).toBe(true));
    expect(list()).toHaveLength(1);
    expect(list()[0]?.info.role).toBe("user");
    expect(hook.result.current.send.error).toBeInstanceOf(NotFoundError);
  });

  it("sync mode resolves with the reply and puts it in the cache", async () => {
    const { fake, session, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    let result: Awaited<ReturnType<typeof hook.result.current.send.mutateAsync>> | undefined;
    await act(async () => {
      result = await hook.result.current.send.mutateAsync({ sessionId: session.id, parts: [{ type: "text", text: "sync please" }], mode: "sync" });
    });
    expect(result?.mode).toBe("sync");
    expect(result?.reply?.info.role).toBe("assistant");
    expect(fake.count("POST", `/session/${session.id}/message`)).toBe(1);
    await waitFor(() => expect(list().map((m) => m.info.role)).toEqual(["user", "user", "assistant"]));
    expect(list()[2]?.info.id).toBe(result?.reply?.info.id);
  });

  it("keeps a caller's messageID and part ids", async () => {
    const { fake, session, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    await act(() =>
      hook.result.current.send.mutateAsync({ sessionId: session.id, messageID: "msg_ffffffffffffmine", parts: [{ id: "prt_mine", type: "text", text: "x" }] }),
    );
    expect(bodyOf(fake, `/session/${session.id}/prompt_async`)).toMatchObject({ messageID: "msg_ffffffffffffmine", parts: [{ id: "prt_mine" }] });
    await waitFor(() => expect(list().at(-1)?.info.id).toBe("msg_ffffffffffffmine"));
  });

  it("a prompt without text or parts fails with the core's TypeError and sends nothing", async () => {
    const { fake, session, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    act(() => hook.result.current.send.mutate({ sessionId: session.id }));
    await waitFor(() => expect(hook.result.current.send.error).toBeInstanceOf(TypeError));
    expect(fake.count("POST", `/session/${session.id}/prompt_async`)).toBe(0);
    expect(list()).toHaveLength(1);
  });

  it("a sync failure (400) rolls back and refetches what the server stored", async () => {
    const { fake, session, hook, list } = setup();
    await waitFor(() => expect(hook.result.current.messages.isSuccess).toBe(true));
    fake.failNext("POST", `/session/${session.id}/message`, 400, { name: "BadRequest", data: { message: "turn failed" } });
    act(() => hook.result.current.send.mutate({ sessionId: session.id, text: "boom", mode: "sync" }));
    await waitFor(() => expect(hook.result.current.send.error).toBeInstanceOf(BadRequestError));
    await waitFor(() => expect(fake.count("GET", `/session/${session.id}/message`)).toBe(2));
    expect(list()).toHaveLength(1);
  });
});
