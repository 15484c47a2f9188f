/**
 * Drives one scripted turn of `opencode-react/testing` through the real reply store (the same
 * reducer the hooks use), recording the session's events and the store's statuses, so a test can
 * pin both what the scenario emitted and what a UI built on the hooks would show.
 */
import type { StoreApi } from "zustand/vanilla";
import { createReplyStore, distill, type ReplyStatus, type ReplyStoreState } from "../../src/core/reply";
import type { WireEvent } from "../../src/core/events/types";
import { createFakeOpencode, type FakeOpencode, type FakeOpencodeOptions } from "../../src/testing";

/** One turn under test. */
export interface TurnUnderTest {
  readonly fake: FakeOpencode;
  readonly sessionId: string;
  readonly store: StoreApi<ReplyStoreState>;
  /** The session's events in feed order. */
  readonly events: WireEvent[];
  /** Consecutive distinct statuses of the store. */
  readonly statuses: ReplyStatus[];
  /** "type" or "type:detail" (session.status type, part type, tool:status) of each event. */
  types(): string[];
  text(): string;
  /** Resolves when `check` holds (polled every 5 ms, 3 s at most). */
  until(check: (state: ReplyStoreState) => boolean): Promise<void>;
  dispose(): void;
}

function describe(event: WireEvent): string {
  const props = event.properties;
  if (event.type === "session.status") return `session.status:${(props.status as { type: string }).type}`;
  if (event.type === "message.part.updated") {
    const part = props.part as { type: string; state?: { status: string } };
    return part.type === "tool" ? `part:tool:${part.state?.status}` : `part:${part.type}`;
  }
  if (event.type === "message.updated") return `message:${(props.info as { role: string }).role}`;
  return event.type;
}

/** A fake, a session, a store on it (synchronous flushes) and the session's event log. */
export async function turnUnderTest(options: FakeOpencodeOptions = {}, storeOptions: { firstEventTimeoutMs?: number } = {}): Promise<TurnUnderTest> {
  const fake = createFakeOpencode(options);
  const session = fake.addSession();
  const events: WireEvent[] = [];
  const unsubscribe = fake.client.events.subscribe((event) => events.push(event), { sessionId: session.id });
  const store = createReplyStore({ client: fake.client, sessionId: session.id, throttleMs: 0, ...storeOptions });
  const statuses: ReplyStatus[] = [store.getState().status];
  store.subscribe((state) => {
    if (statuses.at(-1) !== state.status) statuses.push(state.status);
  });
  return {
    fake,
    sessionId: session.id,
    store,
    events,
    statuses,
    types: () => events.filter((e) => !e.type.startsWith("server.")).map(describe),
    text: () => distill(store.getState()).text,
    async until(check) {
      const deadline = Date.now() + 3000;
      while (!check(store.getState())) {
        if (Date.now() > deadline) throw new Error(`timed out; status ${store.getState().status}, events ${events.map(describe).join(" ")}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    dispose() {
      store.getState().dispose();
      unsubscribe();
      fake.close();
    },
  };
}

/** Consecutive duplicates removed (the server repeats busy statuses and completions). */
export function squash(values: readonly string[]): string[] {
  return values.filter((value, i) => i === 0 || values[i - 1] !== value);
}
