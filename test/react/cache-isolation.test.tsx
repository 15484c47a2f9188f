// @vitest-environment jsdom
import { QueryClient } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { opencodeKeys } from "../../src/query/keys";
import { OpencodeProvider } from "../../src/react/provider";
import { useSession, useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("cache isolation", () => {
  function Title({ id }: { id: string }) {
    const { data } = useSession(id);
    return <span>{data?.title ?? "…"}</span>;
  }

  it("two servers sharing one QueryClient never share data or events", async () => {
    const a = createFakeOpencode({ baseUrl: "http://server-a:4096" });
    const b = createFakeOpencode({ baseUrl: "http://server-b:4096" });
    const sessionA = a.instance().addSession({ title: "on A" });
    b.instance().sessions.set(sessionA.id, { ...sessionA, title: "on B" }); // same id, different server
    const queryClient = new QueryClient();
    const clientA = fakeClient(a);
    const clientB = fakeClient(b);
    render(
      <>
        <OpencodeProvider client={clientA} queryClient={queryClient}>
          <Title id={sessionA.id} />
        </OpencodeProvider>
        <OpencodeProvider client={clientB} queryClient={queryClient}>
          <Title id={sessionA.id} />
        </OpencodeProvider>
      </>,
    );
    await screen.findByText("on A");
    await screen.findByText("on B");
    await feedOpen(clientA);
    await feedOpen(clientB);
    act(() => a.emit({ type: "session.updated", properties: { sessionID: sessionA.id, info: { ...sessionA, title: "A renamed" } } }));
    await screen.findByText("A renamed");
    expect(screen.getByText("on B")).toBeTruthy();
  });

  it("two directories of one server never share data or events", async () => {
    const fake = createFakeOpencode();
    const inA = fake.instance("/repo/a").addSession({ title: "dir a" });
    fake.instance("/repo/b").sessions.set(inA.id, { ...inA, title: "dir b" });
    const queryClient = testQueryClient();
    const clientA = fakeClient(fake, { directory: "/repo/a" });
    const clientB = fakeClient(fake, { directory: "/repo/b" });
    const hookA = renderOpencodeHook(() => useSessions(), { client: clientA, queryClient });
    const hookB = renderOpencodeHook(() => useSessions(), { client: clientB, queryClient });
    await waitFor(() => expect(hookA.result.current.data?.[0]?.title).toBe("dir a"));
    await waitFor(() => expect(hookB.result.current.data?.[0]?.title).toBe("dir b"));
    await feedOpen(clientA);
    await feedOpen(clientB);
    expect(fake.connects("/repo/a")).toBe(1);
    expect(fake.connects("/repo/b")).toBe(1);
    fake.emit({ type: "session.updated", properties: { sessionID: inA.id, info: { ...inA, title: "a renamed" } } }, "/repo/a");
    await waitFor(() => expect(hookA.result.current.data?.[0]?.title).toBe("a renamed"));
    // Applied to A's cache by now; B's cache was written in the same call or never.
    expect(queryClient.getQueryData<Array<{ title: string }>>(opencodeKeys.sessionList(clientB))?.[0]?.title).toBe("dir b");
    // And B's own feed still delivers (a marker session), with the shared session untouched.
    const marker = fake.instance("/repo/b").addSession({ title: "b marker" });
    fake.emit({ type: "session.created", properties: { sessionID: marker.id, info: marker } }, "/repo/b");
    await waitFor(() => expect(hookB.result.current.data?.map((s) => s.title)).toContain("b marker"));
    expect(hookB.result.current.data?.find((s) => s.id === inA.id)?.title).toBe("dir b");
  });
});
