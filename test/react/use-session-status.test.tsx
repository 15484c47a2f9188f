// @vitest-environment jsdom
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ServerError } from "../../src/core/errors";
import { useSessionStatus, useSessionStatusOf } from "../../src/react/use-session-status";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("useSessionStatus", () => {
  it("loads the busy map and follows session.status events (idle removes the entry)", async () => {
    const fake = createFakeOpencode();
    fake.instance().status = { ses_a: { type: "busy" } };
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useSessionStatus(), { client, queryClient: testQueryClient() });
    expect(hook.result.current.isPending).toBe(true);
    await waitFor(() => expect(hook.result.current.data).toEqual({ ses_a: { type: "busy" } }));
    await feedOpen(client);

    fake.emit({ type: "session.status", properties: { sessionID: "ses_b", status: { type: "retry", attempt: 1, message: "rate limited", next: 5 } } });
    await waitFor(() => expect(Object.keys(hook.result.current.data ?? {})).toEqual(["ses_a", "ses_b"]));
    fake.emit({ type: "session.status", properties: { sessionID: "ses_a", status: { type: "idle" } } });
    await waitFor(() => expect(Object.keys(hook.result.current.data ?? {})).toEqual(["ses_b"]));
    fake.emit({ type: "session.idle", properties: { sessionID: "ses_b" } });
    await waitFor(() => expect(hook.result.current.data).toEqual({}));
    expect(fake.count("GET", "/session/status")).toBe(1);
  });

  it("surfaces a 500 as a ServerError (after the default retries are skipped by retry: false)", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/session/status", 500);
    const hook = renderOpencodeHook(() => useSessionStatus({ retry: false }), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(ServerError));
  });
});

describe("useSessionStatusOf", () => {
  it("is idle while loading and when absent, and follows the session's own status", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useSessionStatusOf("ses_a"), { client, queryClient: testQueryClient() });
    expect(hook.result.current).toEqual({ type: "idle" });
    await feedOpen(client);
    await waitFor(() => expect(fake.count("GET", "/session/status")).toBe(1));
    fake.emit({ type: "session.status", properties: { sessionID: "ses_a", status: { type: "busy" } } });
    await waitFor(() => expect(hook.result.current).toEqual({ type: "busy" }));
    fake.emit({ type: "session.status", properties: { sessionID: "ses_a", status: { type: "idle" } } });
    await waitFor(() => expect(hook.result.current).toEqual({ type: "idle" }));
  });

  it("does not re-render for another session's status", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const queryClient = testQueryClient();
    const hook = renderOpencodeHook(() => useSessionStatusOf("ses_a"), { client, queryClient });
    // A second component reading the whole map: its render is the sign the other event was delivered.
    const witness = renderOpencodeHook(() => useSessionStatus().data, { client, queryClient });
    await feedOpen(client);
    await waitFor(() => expect(witness.result.current).toEqual({}));
    const renders = hook.history.length;
    fake.emit({ type: "session.status", properties: { sessionID: "ses_other", status: { type: "busy" } } });
    await waitFor(() => expect(witness.result.current).toEqual({ ses_other: { type: "busy" } }));
    expect(hook.history.length).toBe(renders);
    fake.emit({ type: "session.status", properties: { sessionID: "ses_a", status: { type: "busy" } } });
    await waitFor(() => expect(hook.result.current.type).toBe("busy"));
    expect(hook.history.length).toBe(renders + 1);
  });

  it("is idle for an undefined id", () => {
    const hook = renderOpencodeHook(() => useSessionStatusOf(undefined), { client: fakeClient(createFakeOpencode()), queryClient: testQueryClient() });
    expect(hook.result.current.type).toBe("idle");
  });
});
