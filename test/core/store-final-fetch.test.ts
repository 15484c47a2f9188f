/**
 * The final fetch of a turn (fetch-turn.ts): paged back from the newest message until the turn's
 * FIRST user message is in, never the whole history, so a long turn with a queued second prompt
 * keeps the answer to its first one.
 */
import { afterEach, expect, test } from "vitest";
import { eventually } from "../support/eventually";
import { assistantMessage, delta, SID, status, USER, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

afterEach(disposeHarnesses);

const user = (id: string, created: number) => ({ info: { id, sessionID: SID, role: "user", time: { created } }, parts: [] });
const answer = (id: string, parentID: string, partId: string, text: string) => ({
  info: { id, sessionID: SID, role: "assistant", parentID, time: { created: 2 } },
  parts: [{ id: partId, sessionID: SID, messageID: id, type: "text", text }],
});

test("a long turn with a second prompt queued mid-turn is paged back to its first prompt", async () => {
  const steps = Array.from({ length: 40 }, (_, i) => answer(`msg_s${String(i).padStart(2, "0")}`, USER, `ps${i}`, `step ${i}`));
  const stored = [
    ...Array.from({ length: 30 }, (_, i) => user(`msg_old${String(i).padStart(2, "0")}`, i)),
    user(USER, 100),
    answer("msg_a1", USER, "p1", "first answer"),
    ...steps,
    user("msg_u2", 200),
    answer("msg_a2", "msg_u2", "p2", "second answer"),
  ];
  const h = harness({}, stored);
  await startTurn(h);
  h.push(status("busy"), userMessage(), assistantMessage("msg_a1"), delta("p1", "first", "text", { messageID: "msg_a1" }));
  h.push(userMessage("msg_u2"), assistantMessage("msg_a2", { parentID: "msg_u2" }), delta("p2", "second answer", "text", { messageID: "msg_a2" }));
  h.push(status("idle"));
  await eventually(() => expect(h.finished).toHaveLength(1));
  const text = h.finished[0]?.text ?? "";
  expect(text.startsWith("first answer\n\nstep 0")).toBe(true);
  expect(text.endsWith("step 39\n\nsecond answer")).toBe(true);
  // Paged back only until the first prompt was in: fewer messages asked for than the session has.
  const asked = h.client.listPaging.reduce((sum, paging) => sum + (paging.limit ?? Infinity), 0);
  expect(h.client.listPaging.length).toBeGreaterThan(1);
  expect(asked).toBeLessThan(stored.length);
});
