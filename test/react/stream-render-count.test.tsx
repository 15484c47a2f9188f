// @vitest-environment jsdom
/**
 * Render counts, recorded by counting renders in each component: a burst of 1,000 deltas within
 * one frame costs the text view a few renders, and views that do not show what changed (another
 * part, another session) do not render at all.
 */
import { useImperativeHandle, type Ref } from "react";
import { act, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { distill } from "../../src/core/reply";
import { OpencodeProvider } from "../../src/react/provider";
import { useReply, useStream, type UseStreamResult } from "../../src/react/stream";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, sleep, testQueryClient } from "../support/render-opencode";
import { sessionEvents } from "../support/stream-events";

const renders = { stream: 0, text: 0, sibling: 0, otherStream: 0, otherReply: 0 };
const reset = () => Object.keys(renders).forEach((key) => (renders[key as keyof typeof renders] = 0));

function StreamView({ sessionId, handle }: { sessionId: string; handle: Ref<UseStreamResult> }) {
  const stream = useStream(sessionId);
  useImperativeHandle(handle, () => stream, [stream]);
  renders.stream += 1;
  return <p data-testid="status">{stream.status}</p>;
}

function TextView({ sessionId }: { sessionId: string }) {
  const text = useReply(sessionId, (s) => distill(s).text);
  renders.text += 1;
  return <p data-testid="text">{text}</p>;
}

function SiblingPart({ sessionId, partId }: { sessionId: string; partId: string }) {
  const part = useReply(sessionId, (s) => s.partsById.get(partId));
  renders.sibling += 1;
  return <p data-testid="sibling">{part?.type === "text" ? part.text : ""}</p>;
}

function OtherSession({ sessionId }: { sessionId: string }) {
  const stream = useStream(sessionId);
  renders.otherStream += 1;
  return <p>{stream.text}</p>;
}

function OtherReply({ sessionId }: { sessionId: string }) {
  const status = useReply(sessionId, (s) => s.status);
  renders.otherReply += 1;
  return <p>{status}</p>;
}

const unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

describe("render counts", () => {
  it("1,000 deltas in one frame: a few renders of the text view, none of a sibling part or another session", async () => {
    const fake = createFakeOpencode();
    const a = fake.instance().addSession();
    const b = fake.instance().addSession();
    const client = fakeClient(fake);
    const handle: { current: UseStreamResult | null } = { current: null };
    const view = render(
      <OpencodeProvider client={client} queryClient={testQueryClient()}>
        <StreamView sessionId={a.id} handle={handle} />
        <TextView sessionId={a.id} />
        <SiblingPart sessionId={a.id} partId="prt_2" />
        <OtherSession sessionId={b.id} />
        <OtherReply sessionId={b.id} />
      </OpencodeProvider>,
    );
    unmounts.push(view.unmount);
    await feedOpen(client);
    await act(() => handle.current!.send("hi"));
    const e = sessionEvents(a.id);
    await act(async () => {
      for (const event of [e.busy(), e.assistant(), e.text("prt_1", ""), e.text("prt_2", "sibling")]) fake.emit(event);
      await sleep(50);
    });
    // Count from a clean start, shown by positive signals rather than a fixed wait: the first
    // batch has reached every view (the sibling and the text view show it, the stream streams).
    await waitFor(() => {
      expect(view.getByTestId("sibling").textContent).toBe("sibling");
      expect(view.getByTestId("text").textContent).toContain("sibling");
      expect(view.getByTestId("status").textContent).toBe("streaming");
    });
    reset();

    await act(async () => {
      for (let i = 0; i < 1000; i++) fake.emit(e.delta("prt_1", "x"));
      await sleep(50);
    });
    await waitFor(() => expect(view.getByTestId("text").textContent).toBe(`sibling\n\n${"x".repeat(1000)}`));
    const figures = { ...renders };
    // Measured: { stream: 1, text: 1, sibling: 0, otherStream: 0, otherReply: 0 }. A loaded machine
    // spreads the burst over more frames (a buffered delta never waits more than a frame): batched
    // still means a handful of renders, never one per delta.
    expect(figures.text).toBeGreaterThanOrEqual(1);
    expect(figures.text).toBeLessThanOrEqual(20);
    expect(figures.stream).toBeLessThanOrEqual(20);
    expect(figures.sibling).toBe(0);
    expect(figures.otherStream).toBe(0);
    expect(figures.otherReply).toBe(0);
  });

  it("a status change re-renders the status view but not a part view whose part is unchanged", async () => {
    const fake = createFakeOpencode();
    const a = fake.instance().addSession();
    const client = fakeClient(fake);
    const handle: { current: UseStreamResult | null } = { current: null };
    const view = render(
      <OpencodeProvider client={client} queryClient={testQueryClient()}>
        <StreamView sessionId={a.id} handle={handle} />
        <SiblingPart sessionId={a.id} partId="prt_2" />
      </OpencodeProvider>,
    );
    unmounts.push(view.unmount);
    await feedOpen(client);
    await act(() => handle.current!.send("hi"));
    const e = sessionEvents(a.id);
    await act(async () => {
      for (const event of [e.busy(), e.assistant(), e.text("prt_2", "sibling")]) fake.emit(event);
      await sleep(50);
    });
    // Count from a clean start, shown by positive signals rather than a fixed wait: the first
    // batch has reached both views (the sibling shows it, the stream streams).
    await waitFor(() => {
      expect(view.getByTestId("sibling").textContent).toBe("sibling");
      expect(view.getByTestId("status").textContent).toBe("streaming");
    });
    reset();
    await act(async () => {
      fake.emit(e.question("que_1"));
      await sleep(20);
    });
    await waitFor(() => expect(handle.current?.status).toBe("awaiting-input"));
    expect(renders.stream).toBeGreaterThanOrEqual(1);
    expect(renders.sibling).toBe(0);
  });
});
