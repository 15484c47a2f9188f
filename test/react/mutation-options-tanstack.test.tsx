// @vitest-environment jsdom
/**
 * Mutation hooks take TanStack's own options, and their callbacks get TanStack's arguments
 * `(data, variables, onMutateResult, context)` (they used to get only `(data, variables)`).
 */
import { act } from "@testing-library/react";
import type { MutationFunctionContext } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { useDeleteSession } from "../../src/react/use-delete-session";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("mutation options are TanStack's", () => {
  it("callbacks receive onMutateResult and the mutation context; a user onMutate runs after ours", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance("").addSession({ title: "old" });
    const queryClient = testQueryClient();
    const order: string[] = [];
    const onMutate = vi.fn((_id: string, _context: MutationFunctionContext) => void order.push("user onMutate"));
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    const hook = renderOpencodeHook(
      () => useDeleteSession({ onMutate, onSuccess, onSettled, mutationKey: ["delete"], meta: { from: "test" } }),
      { client: fakeClient(fake), queryClient },
    );
    await act(() => hook.result.current.mutateAsync(session.id));
    expect(onMutate).toHaveBeenCalledTimes(1);
    const [data, variables, onMutateResult, context] = onSuccess.mock.calls[0] as [boolean, string, { restore: unknown }, MutationFunctionContext];
    expect({ data, variables }).toEqual({ data: true, variables: session.id });
    expect(typeof onMutateResult.restore).toBe("function");
    expect(context.client).toBe(queryClient);
    expect(context.mutationKey).toEqual(["delete"]);
    expect(context.meta).toEqual({ from: "test" });
    expect(onSettled.mock.calls[0]?.length).toBe(5);
  });
});
