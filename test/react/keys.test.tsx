// @vitest-environment jsdom
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { opencodeKeys, scopeOf } from "../../src/query/keys";
import { messagesInfiniteQueryOptions } from "../../src/query/messages-query-options";
import { sessionQueryOptions, sessionsQueryOptions, todosQueryOptions } from "../../src/query/query-options";
import { fakeSession, fakeTodo } from "../support/fake-opencode-data";

const client = createOpencodeClient({ baseUrl: "http://h:1", directory: "/repo" });

describe("opencodeKeys", () => {
  it("scopes every key by base URL, directory and workspace", () => {
    expect(opencodeKeys.session(client, "ses_1")).toEqual(["opencode", { baseUrl: "http://h:1", directory: "/repo", workspace: null }, "session", "ses_1"]);
    expect(scopeOf(createOpencodeClient({ baseUrl: "http://h:1" }))).toEqual({ baseUrl: "http://h:1", directory: null, workspace: null });
    expect(opencodeKeys.sessionList(client, { roots: true }).slice(2)).toEqual(["sessions", "list", { roots: true }]);
  });

  it("a session prefix invalidates its detail, messages and todos, and nothing of another session or scope", async () => {
    const queryClient = new QueryClient();
    const other = createOpencodeClient({ baseUrl: "http://h:1", directory: "/other" });
    queryClient.setQueryData(sessionQueryOptions(client, "ses_1").queryKey, fakeSession());
    queryClient.setQueryData(todosQueryOptions(client, "ses_1").queryKey, [fakeTodo("t")]);
    queryClient.setQueryData(messagesInfiniteQueryOptions(client, "ses_1").queryKey, { pages: [], pageParams: [] });
    queryClient.setQueryData(sessionQueryOptions(client, "ses_2").queryKey, fakeSession());
    queryClient.setQueryData(sessionQueryOptions(other, "ses_1").queryKey, fakeSession());
    queryClient.setQueryData(sessionsQueryOptions(client).queryKey, []);
    await queryClient.invalidateQueries({ queryKey: opencodeKeys.session(client, "ses_1") });
    const invalidated = queryClient
      .getQueryCache()
      .findAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey.slice(2).join("/"));
    expect(invalidated.sort()).toEqual(["session/ses_1", "session/ses_1/messages/[object Object]", "session/ses_1/todos"]);
    expect(queryClient.getQueryCache().find({ queryKey: opencodeKeys.session(other, "ses_1") })?.state.isInvalidated).toBe(false);
  });

  it("carries data types for getQueryData (DataTag)", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionQueryOptions(client, "ses_1").queryKey, fakeSession({ title: "typed" }));
    const title: string | undefined = queryClient.getQueryData(sessionQueryOptions(client, "ses_1").queryKey)?.title;
    expect(title).toBe("typed");
  });
});
