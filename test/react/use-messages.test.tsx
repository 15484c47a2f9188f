// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MessageWithParts } from "../../src/core/api";
import { NotFoundError } from "../../src/core/errors";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { opencodeKeys } from "../../src/query/keys";
import { messagesInfiniteQueryOptions } from "../../src/query/messages-query-options";
import { useMessages } from "../../src/react/use-messages";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeAssistantMessage, fakeUserMessage } from "../support/fake-opencode-data";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

function seeded(count: number) {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession();
  const messages: MessageWithParts[] = [];
  for (let i = 0; i < count; i += 1) messages.push(fakeUserMessage(session.id, `m${i}`));
  fake.instance().addMessages(session.id, ...messages);
  return { fake, session, messages, client: fakeClient(fake), queryClient: testQueryClient() };
}

const texts = (list: MessageWithParts[]): string[] => list.map((m) => (m.parts[0]?.type === "text" ? m.parts[0].text : "?"));

describe("useMessages", () => {
  it("loads the newest page first and older history with fetchNextPage", async () => {
    const { fake, session, client, queryClient } = seeded(5);
    const hook = renderOpencodeHook(() => useMessages(session.id, { pageSize: 2 }), { client, queryClient });
    expect(hook.history[0]?.status).toBe("pending");
    await waitFor(() => expect(hook.result.current.status).toBe("success"));
    expect(texts(hook.result.current.data?.pages[0]?.items ?? [])).toEqual(["m3", "m4"]);
    expect(hook.result.current.hasNextPage).toBe(true);

    await act(() => hook.result.current.fetchNextPage());
    await act(() => hook.result.current.fetchNextPage());
    await waitFor(() => expect(hook.result.current.data?.pages).toHaveLength(3));
    expect(hook.result.current.hasNextPage).toBe(false);
    expect(texts(flattenMessagePages(hook.result.current.data))).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    const pagesRequested = fake.requests.filter((r) => r.path === `/session/${session.id}/message`).map((r) => [r.query.get("limit"), r.query.get("before")]);
    expect(pagesRequested).toEqual([
      ["2", null],
      ["2", hook.result.current.data?.pageParams[1]],
      ["2", hook.result.current.data?.pageParams[2]],
    ]);
  });

  it("flattens with select", async () => {
    const { session, client, queryClient } = seeded(3);
    const hook = renderOpencodeHook(() => useMessages(session.id, { select: flattenMessagePages }), { client, queryClient });
    await waitFor(() => expect(texts(hook.result.current.data ?? [])).toEqual(["m0", "m1", "m2"]));
  });

  it("keys each page size apart", async () => {
    const { session, client, queryClient } = seeded(3);
    const hook = renderOpencodeHook(() => useMessages(session.id, { pageSize: 1 }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(messagesInfiniteQueryOptions(client, session.id, { pageSize: 1 }).queryKey)?.pages[0]?.items).toHaveLength(1);
    expect(queryClient.getQueryData(opencodeKeys.messagePages(client, session.id, 50))).toBeUndefined();
  });

  it("types a missing session as NotFoundError and is disabled without an id", async () => {
    const { client, queryClient } = seeded(0);
    const missing = renderOpencodeHook(() => useMessages("ses_nope"), { client, queryClient });
    await waitFor(() => expect(missing.result.current.error).toBeInstanceOf(NotFoundError));
    const idle = renderOpencodeHook(() => useMessages(undefined), { client, queryClient });
    expect(idle.result.current.fetchStatus).toBe("idle");
  });

  it("streams a reply into the cache: message.updated, part snapshot, deltas, then removals", async () => {
    const { fake, session, messages, client, queryClient } = seeded(2);
    const hook = renderOpencodeHook(() => useMessages(session.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    await feedOpen(client);
    const parent = messages[1]?.info.id ?? "";
    const reply = fakeAssistantMessage(session.id, parent, "");
    const part = reply.parts[0];
    fake.emit({ type: "message.updated", properties: { sessionID: session.id, info: reply.info } });
    fake.emit({ type: "message.part.updated", properties: { sessionID: session.id, part } });
    for (const delta of ["Hel", "lo", " world"]) {
      fake.emit({ type: "message.part.delta", properties: { sessionID: session.id, messageID: reply.info.id, partID: part?.id, field: "text", delta } });
    }
    const last = () => flattenMessagePages(hook.result.current.data).at(-1);
    await waitFor(() => expect(texts([last() as MessageWithParts])).toEqual(["Hello world"]));
    expect(last()?.info.id).toBe(reply.info.id);

    // A snapshot is authoritative over what the deltas built.
    fake.emit({ type: "message.part.updated", properties: { sessionID: session.id, part: { ...part, text: "Hello, world!" } } });
    await waitFor(() => expect(texts([last() as MessageWithParts])).toEqual(["Hello, world!"]));
    fake.emit({ type: "message.part.removed", properties: { sessionID: session.id, messageID: reply.info.id, partID: part?.id } });
    await waitFor(() => expect(last()?.parts).toEqual([]));
    fake.emit({ type: "message.removed", properties: { sessionID: session.id, messageID: reply.info.id } });
    await waitFor(() => expect(flattenMessagePages(hook.result.current.data)).toHaveLength(2));
    expect(fake.count("GET", `/session/${session.id}/message`)).toBe(1);
  });

  it("ignores events of other sessions and deltas of unknown parts", async () => {
    const { fake, session, client, queryClient } = seeded(1);
    const hook = renderOpencodeHook(() => useMessages(session.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    await feedOpen(client);
    const before = hook.result.current.data;
    const other = fakeUserMessage("ses_other", "elsewhere");
    fake.emit({ type: "message.updated", properties: { sessionID: "ses_other", info: other.info } });
    fake.emit({ type: "message.part.delta", properties: { sessionID: session.id, messageID: "msg_x", partID: "prt_x", field: "text", delta: "?" } });
    fake.emit({ type: "todo.updated", properties: { sessionID: session.id, todos: [] } });
    await waitFor(() => expect(client.events.status).toBe("open"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hook.result.current.data).toBe(before);
  });
});
