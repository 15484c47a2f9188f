// @vitest-environment jsdom
/**
 * Regression (issue 12), against a real `opencode serve` and the scripted model, as a user tried
 * it on React 18.3.1: five `<OpencodeProvider>` roots (createRoot, each in <StrictMode>, each with
 * its own default QueryClient) sharing ONE client, one useStream each, all sending "hello" at once.
 * Seen: the first store stuck at `submitted`, the other four `idle`, no text in any. React 18's
 * StrictMode throws away the first render's state and memo results (React 19 keeps them), so
 * anything created during render leaks or goes missing there. Runs on both lines: the e2e config
 * (React 19) and the React 18 leg (vitest.react18.config.ts).
 */
import { waitFor } from "@testing-library/react";
import { StrictMode, useEffect, version } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, afterEach, expect, it } from "vitest";
import { OpencodeProvider, useStream, type OpencodeClient, type UseStreamResult } from "../../src";
import { HELLO_TEXT } from "./core-support";
import { e2eClient, fileTimer, WAIT } from "./hooks-support";
import { useChildServer } from "./hooks-server";

/** Five first turns at once in a fresh directory, while the React 18 leg's unit files share the two cores. */
const SLOW_WAIT = { ...WAIT, timeout: 60_000 } as const;

const server = useChildServer();
afterAll(fileTimer("hooks-strictmode-roots"));
const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) root.unmount();
});

function Chat({ sessionId, onResult }: { sessionId: string; onResult: (result: UseStreamResult) => void }) {
  const stream = useStream(sessionId);
  useEffect(() => {
    onResult(stream);
  });
  return <p>{stream.text}</p>;
}

it("five StrictMode roots sharing one client each stream their hello (first stuck at submitted, others idle on React 18)", async () => {
  const expectedMajor = process.env.OPENCODE_REACT_EXPECT_MAJOR;
  if (expectedMajor !== undefined) expect(version.split(".")[0]).toBe(expectedMajor);
  const client: OpencodeClient = e2eClient(server().baseUrl);
  const sessions = await Promise.all(Array.from({ length: 5 }, (_, i) => client.sessions.create({ title: `root ${i}` })));
  const latest = new Map<string, UseStreamResult>();
  for (const session of sessions) {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    roots.push(root);
    root.render(
      <StrictMode>
        <OpencodeProvider client={client}>
          <Chat sessionId={session.id} onResult={(result) => latest.set(session.id, result)} />
        </OpencodeProvider>
      </StrictMode>,
    );
  }
  await waitFor(() => expect(latest.size).toBe(5), WAIT);
  await Promise.all(sessions.map((session) => latest.get(session.id)!.send("hello")));
  await waitFor(() => {
    const seen = sessions.map((session) => {
      const result = latest.get(session.id)!;
      return { status: result.status, text: result.text, error: result.error?.message ?? null };
    });
    expect(seen).toEqual(sessions.map(() => ({ status: "idle", text: HELLO_TEXT, error: null })));
  }, SLOW_WAIT);
  // Each session got exactly its one prompt: the server stored one user message per session.
  for (const session of sessions) {
    const { items } = await client.messages.list(session.id);
    expect(items.filter((m) => m.info.role === "user")).toHaveLength(1);
  }
}, 120_000); // the React 18 leg's default (15 s) is for unit tests; a first turn loads plugins
