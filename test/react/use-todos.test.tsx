// @vitest-environment jsdom
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/errors";
import { useTodos } from "../../src/react/use-todos";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeTodo } from "../support/fake-opencode-data";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("useTodos", () => {
  it("loads the todos and replaces them on todo.updated", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    fake.instance().todos.set(session.id, [fakeTodo("write tests")]);
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useTodos(session.id), { client, queryClient: testQueryClient() });
    expect(hook.history[0]?.isPending).toBe(true);
    await waitFor(() => expect(hook.result.current.data?.map((t) => t.content)).toEqual(["write tests"]));
    await feedOpen(client);
    const todos = [fakeTodo("write tests", "completed"), fakeTodo("ship", "in_progress")];
    fake.emit({ type: "todo.updated", properties: { sessionID: "ses_other", todos: [] } });
    fake.emit({ type: "todo.updated", properties: { sessionID: session.id, todos } });
    await waitFor(() => expect(hook.result.current.data).toEqual(todos));
    expect(fake.count("GET", `/session/${session.id}/todo`)).toBe(1);
  });

  it("is disabled without an id and types a missing session as NotFoundError", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const queryClient = testQueryClient();
    const idle = renderOpencodeHook(() => useTodos(undefined), { client, queryClient });
    expect(idle.result.current.fetchStatus).toBe("idle");
    const missing = renderOpencodeHook(() => useTodos("ses_nope"), { client, queryClient });
    await waitFor(() => expect(missing.result.current.error).toBeInstanceOf(NotFoundError));
  });
});
