// @vitest-environment jsdom
/**
 * Regression: on React 18.3 in StrictMode, five <OpencodeProvider> roots sharing one client, one
 * useStream each, all sending "hello" at once, stayed stuck (the first at `submitted`, the other
 * four `idle`, no text). React 18's StrictMode drops the first render's state and memo results;
 * React 19 keeps them. Run on both lines (vitest.config.ts and vitest.react18.config.ts).
 */
import { act, render, waitFor } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { afterEach, expect, it } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { useStream, type UseStreamResult } from "../../src/react/stream";
import { createFakeOpencode, type FakeOpencode } from "../../src/testing";
import { testQueryClient } from "../support/render-opencode";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function Chat({ sessionId, onResult }: { sessionId: string; onResult: (result: UseStreamResult) => void }) {
  const stream = useStream(sessionId, { throttleMs: 0 });
  useEffect(() => {
    onResult(stream);
  });
  return <p>{stream.text}</p>;
}

it("five StrictMode roots sharing one client each stream their reply (stuck at submitted/idle on React 18)", async () => {
  const fake: FakeOpencode = createFakeOpencode({ scenario: "hello" });
  const sessions = Array.from({ length: 5 }, (_, i) => fake.addSession({ title: `chat ${i}` }));
  const latest = new Map<string, UseStreamResult>();
  for (const session of sessions) {
    const container = document.createElement("div");
    document.body.append(container);
    const view = render(
      <StrictMode>
        <OpencodeProvider client={fake.client} queryClient={testQueryClient()}>
          <Chat sessionId={session.id} onResult={(result) => latest.set(session.id, result)} />
        </OpencodeProvider>
      </StrictMode>,
      { container },
    );
    cleanups.push(() => view.unmount());
  }
  await waitFor(() => expect(latest.size).toBe(5));
  await act(() => Promise.all(sessions.map((session) => latest.get(session.id)!.send("hello"))));
  await waitFor(
    () => {
      for (const session of sessions) {
        const result = latest.get(session.id)!;
        expect({ status: result.status, hasText: result.text.length > 0 }).toEqual({ status: "idle", hasText: true });
      }
    },
    { timeout: 8000 },
  );
  const prompts = fake.requests().filter((r) => r.method === "POST" && r.path.endsWith("/prompt_async"));
  expect(prompts).toHaveLength(5);
  cleanups.push(() => fake.close());
});
