// @vitest-environment jsdom
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { UnauthorizedError, UnsupportedServerError } from "../../src/core/errors";
import { useHealth } from "../../src/react/use-health";
import { createFakeOpencode } from "../support/fake-opencode";
import { liveCacheHolders } from "../../src/react/live-cache";
import { fakeClient, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("useHealth", () => {
  it("goes from pending to { healthy, version }", async () => {
    const fake = createFakeOpencode();
    const hook = renderOpencodeHook(() => useHealth(), { client: fakeClient(fake), queryClient: testQueryClient() });
    expect(hook.result.current.isPending).toBe(true);
    await waitFor(() => expect(hook.result.current.data).toEqual({ healthy: true, version: "1.18.33" }));
    expect(hook.history[0]?.status).toBe("pending");
  });

  it("does not open the event feed", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const queryClient = testQueryClient();
    const hook = renderOpencodeHook(() => useHealth(), { client, queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    // Rendered with data, its effects have run: a live-cache hold or a subscription would show now.
    expect(liveCacheHolders(client, queryClient)).toBe(0);
    expect(client.events.subscriberCount).toBe(0);
    expect(fake.connects()).toBe(0);
  });

  it("types a 401 as UnauthorizedError, without retrying", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/global/health", 401);
    const hook = renderOpencodeHook(() => useHealth(), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(UnauthorizedError));
    expect(fake.count("GET", "/global/health")).toBe(1);
  });

  it("rejects an OpenCode 2.x server with UnsupportedServerError", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/global/health", 200, { healthy: true, version: "2.0.1" });
    const hook = renderOpencodeHook(() => useHealth({ retry: false }), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(UnsupportedServerError));
  });

  it("passes select through", async () => {
    const fake = createFakeOpencode();
    const hook = renderOpencodeHook(() => useHealth({ select: (h) => h.version }), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.data).toBe("1.18.33"));
  });
});
