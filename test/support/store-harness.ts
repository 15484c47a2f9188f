/** Small helpers shared by the reply store tests. */
import type { StoreApi } from "zustand/vanilla";
import type { WireEvent } from "../../src/core/events/types";
import { createReplyStore, type ReplyStatus, type ReplyStoreOptions, type ReplyStoreState } from "../../src/core/reply";
import { createFakeReplyClient, settle, type FakeReplyClient } from "./fake-reply-client";
import { MSG, SID, USER } from "./reply-events";

/** A store on a fake client, with its published statuses and callbacks recorded. */
export interface Harness {
  readonly client: FakeReplyClient;
  readonly store: StoreApi<ReplyStoreState>;
  /** Consecutive distinct statuses, the initial one included. */
  readonly statuses: ReplyStatus[];
  readonly errors: Error[];
  readonly finished: { text: string; aborted: boolean; error: Error | null }[];
  /** Number of store notifications. */
  notifications(): number;
  state(): ReplyStoreState;
  push(...events: WireEvent[]): void;
}

const open: Harness[] = [];

/**
 * Creates a store for SID on a fake client (synchronous unless options say otherwise).
 * @example const h = harness({ throttleMs: 0 }); await startTurn(h);
 */
export function harness(options: Partial<ReplyStoreOptions> = {}, messages: readonly unknown[] = []): Harness {
  const client = createFakeReplyClient(messages);
  const errors: Error[] = [];
  const finished: Harness["finished"] = [];
  const store = createReplyStore({
    client,
    sessionId: SID,
    throttleMs: 0,
    onError: (error) => errors.push(error),
    onFinish: (result, info) => finished.push({ text: result.text, ...info }),
    ...options,
  });
  const statuses: ReplyStatus[] = [store.getState().status];
  let count = 0;
  store.subscribe((state) => {
    count += 1;
    if (statuses[statuses.length - 1] !== state.status) statuses.push(state.status);
  });
  const h: Harness = {
    client,
    store,
    statuses,
    errors,
    finished,
    notifications: () => count,
    state: () => store.getState(),
    push: (...events) => events.forEach((event) => client.events.push(event)),
  };
  open.push(h);
  return h;
}

/** Disposes every harness store (call from afterEach). */
export function disposeHarnesses(): void {
  for (const h of open.splice(0)) h.store.getState().dispose();
}

/** send("hi"), the feed's `server.connected`, and the POST settled: the store is "submitted". */
export async function startTurn(h: Harness, input = "hi"): Promise<void> {
  const sending = h.state().send(input);
  h.client.events.connect();
  await sending;
  await settle();
}

/** A stored turn for `messages.list`: the user message and one assistant message with a text part. */
export function storedText(text: string, partID = "p1"): unknown[] {
  return [
    { info: { id: USER, sessionID: SID, role: "user", time: { created: 1 } }, parts: [] },
    {
      info: { id: MSG, sessionID: SID, role: "assistant", parentID: USER, time: { created: 2 } },
      parts: [{ id: partID, sessionID: SID, messageID: MSG, type: "text", text }],
    },
  ];
}
