// @vitest-environment jsdom
/**
 * Regression: on React 18.3 in StrictMode, five <OpencodeProvider> roots sharing one client, one
 * useStream each, all sending "hello" at once, stayed stuck (the first at `submitted`, the other
 * four `idle`, no text). React 18's StrictMode drops the first render's state and memo results;
 * React 19 keeps them. Run on both lines (vitest.config.ts and vitest.react18.config.ts); the same
 * against a real server: test/e2e/hooks-strictmode-roots.test.tsx (also on both lines).
 */
import { act, render, waitFor } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, expect, it } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { useStream, type UseStreamResult } from "../../src/react/stream";
import { createFakeOpencode, type FakeOpencode } from "../../src/testing";
import { testQueryClient } from "../support/render-opencode";

/** What the "hello" scenario streams. */
const HELLO = "Hello there! I am a fake model.";
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
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

function MountSendChat({ sessionId, onResult }: { sessionId: string; onResult: (result: UseStreamResult) => void }) {
  const stream = useStream(sessionId);
  const { send } = stream;
  // As users write it: send on mount. StrictMode runs this effect twice on React 18 and 19.
  useEffect(() => {
    send("hello").catch(() => undefined);
  }, [send]);
  useEffect(() => {
    onResult(stream);
  });
  return <p>{stream.text}</p>;
}

it("five StrictMode createRoot roots (default QueryClients) sending from a mount effect each stream ONE reply", async () => {
  const fake: FakeOpencode = createFakeOpencode({ scenario: "hello" });
  cleanups.push(() => fake.close());
  const sessions = Array.from({ length: 5 }, (_, i) => fake.addSession({ title: `chat ${i}` }));
  const latest = new Map<string, UseStreamResult>();
  const roots: Root[] = [];
  cleanups.push(() => act(() => roots.forEach((root) => root.unmount())));
  act(() => {
    for (const session of sessions) {
      const container = document.createElement("div");
      document.body.append(container);
      const root = createRoot(container);
      roots.push(root);
      root.render(
        <StrictMode>
          <OpencodeProvider client={fake.client}>
            <MountSendChat sessionId={session.id} onResult={(result) => latest.set(session.id, result)} />
          </OpencodeProvider>
        </StrictMode>,
      );
    }
  });
  await waitFor(
    () => {
      const seen = sessions.map((session) => {
        const result = latest.get(session.id);
        return { status: result?.status, text: result?.text ?? "", error: result?.error ?? null };
      });
      expect(seen).toEqual(sessions.map(() => ({ status: "idle", text: HELLO, error: null })));
    },
    { timeout: 8000 },
  );
  const prompts = fake.requests().filter((r) => r.method === "POST" && r.path.endsWith("/prompt_async"));
  expect(prompts.map((r) => r.path).sort()).toEqual(sessions.map((s) => `/session/${s.id}/prompt_async`).sort());
});
