/**
 * The stored messages of a turn the store takes over at creation (a resumed turn: the reply knows
 * none of its user messages) when the turn is longer than the first page: paged back until the
 * page holding a user message, and no further (never the whole history of a long session).
 */
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import { afterEach, describe, expect, test } from "vitest";
import { createReplyStore, distill, type ReplyStoreState } from "../../src/core/reply";
import type { StoreApi } from "zustand/vanilla";
import { createFakeReplyClient } from "../support/fake-reply-client";
import { eventually } from "../support/eventually";
import { assistantMessage, delta, SID, status, userMessage } from "../support/reply-events";
import { storedAssistant, storedText, storedUser } from "../support/reply-stored";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

const stores: StoreApi<ReplyStoreState>[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.getState().dispose();
  disposeHarnesses();
});

const pad = (i: number): string => String(i).padStart(3, "0");

/** An older history of `pairs` finished turns (a user message and its answer each). */
function history(pairs: number): unknown[] {
  return Array.from({ length: pairs }, (_, i) => [
    storedUser(`msg_old_u${pad(i)}`),
    storedAssistant(`msg_old_a${pad(i)}`, [storedText(`old${i}`, `old answer ${i}`)], `msg_old_u${pad(i)}`),
  ]).flat();
}

/** The running turn: its user message and `steps` assistant messages (one text part each). */
function longTurn(steps: number): unknown[] {
  return [
    storedUser("msg_u_turn"),
    ...Array.from({ length: steps }, (_, i) => storedAssistant(`msg_s${pad(i)}`, [storedText(`p${i}`, `step ${i}`)], "msg_u_turn")),
  ];
}

describe("reply store: a resumed turn longer than one page", () => {
  test("its stored steps are paged back to the turn's user message, all of them and none of an older turn", async () => {
    // 30 steps: more than the first page (20 for a reply that knows nothing yet), fewer than two.
    const client = createFakeReplyClient([...history(50), ...longTurn(30)]);
    client.statusAnswer = async (): Promise<Record<string, SessionStatus>> => ({ [SID]: { type: "busy" } });
    const errors: Error[] = [];
    const store = createReplyStore({ client, sessionId: SID, throttleMs: 0, onError: (error) => errors.push(error) });
    stores.push(store);
    client.events.connect();
    await eventually(() => expect(store.getState().parts).toHaveLength(30));
    expect(distill(store.getState()).text).toBe(Array.from({ length: 30 }, (_, i) => `step ${i}`).join("\n\n"));
    expect(store.getState().status).toBe("streaming");
    // The newest page had no user message; the second (twice as long) reached the turn's: done.
    expect(client.listPaging).toHaveLength(2);
    expect(client.listPaging[0]).toEqual({ limit: 20 });
    expect(client.listPaging[1]).toMatchObject({ limit: 40 });
    expect(client.listPaging[1]?.before).toBeDefined();
    expect(errors).toEqual([]);
  });
});

describe("reply store: the final fetch of a turn the stream showed", () => {
  test("a turn of 25 messages is fetched in one request, its first page sized to the turn", async () => {
    const steps = 24;
    const h = harness({}, [...history(50), ...longTurn(steps)]);
    await startTurn(h);
    h.push(status("busy"), userMessage("msg_u_turn"));
    for (let i = 0; i < steps; i++) {
      h.push(assistantMessage(`msg_s${pad(i)}`, { parentID: "msg_u_turn" }), delta(`p${i}`, `step ${i}`, "text", { messageID: `msg_s${pad(i)}` }));
    }
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]?.text).toBe(Array.from({ length: steps }, (_, i) => `step ${i}`).join("\n\n"));
    expect(h.client.listPaging).toHaveLength(1);
    expect(h.client.listPaging[0]?.limit).toBeGreaterThanOrEqual(steps + 1);
    expect(h.client.listPaging[0]?.limit).toBeLessThan(100);
  });
});
