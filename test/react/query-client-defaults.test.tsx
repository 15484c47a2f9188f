// @vitest-environment jsdom
/**
 * The user's QueryClient defaults win over ours: every query used to set `retry` itself, so the
 * documented test recipe `defaultOptions: { queries: { retry: false } }` was ignored and a one-shot
 * 500 never showed as an error (it was retried away). Ours apply only where the user set nothing.
 */
import { QueryClient } from "@tanstack/react-query";
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ServerError } from "../../src/core/errors";
import { useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, renderOpencodeHook } from "../support/render-opencode";

describe("QueryClient defaults win over ours", () => {
  it("retry: false in defaultOptions shows a one-shot 500 as an error (was retried away)", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/session", 500);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const hook = renderOpencodeHook(() => useSessions(), { client: fakeClient(fake), queryClient });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(ServerError));
    expect(fake.count("GET", "/session")).toBe(1);
  });

  it("setQueryDefaults for our keys wins too", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/session", 500);
    const queryClient = new QueryClient();
    queryClient.setQueryDefaults(["opencode"], { retry: false });
    const hook = renderOpencodeHook(() => useSessions(), { client: fakeClient(fake), queryClient });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(ServerError));
  });

  it("with nothing set, our retry policy retries the 500 and the list loads", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/session", 500);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 1 } } });
    const hook = renderOpencodeHook(() => useSessions(), { client: fakeClient(fake), queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(hook.history.some((h) => h.error !== null)).toBe(false);
    expect(fake.count("GET", "/session")).toBe(2);
  });
});
