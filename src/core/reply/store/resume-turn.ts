/**
 * Taking over a turn that was already running when the store was created (started in another
 * tab, or before a page reload): the feed only carries what happens from now on, so the store
 * asks `sessions.status()` and, when the session is busy, watches the turn, merges its stored
 * state so far through the mid-turn merge and learns the questions and permissions pending for it
 * (the same paths as after a reconnect).
 */
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import { refetchMidTurn } from "../reducer/mid-turn-merge";
import { seedPendingPrompts } from "./seed-prompts";
import type { ReplyRuntime } from "./reply-runtime";

/**
 * Checks the session once; busy or retrying: the turn is running (watchdogs as for a turn seen on
 * the feed: no first-event window, idle and turn windows from now) and its parts so far are
 * fetched. Idle: nothing (no fetch). Failures are reported, never thrown.
 */
export async function resumeTurn(rt: ReplyRuntime): Promise<void> {
  const t = rt.turn;
  const generation = t.generation;
  const ended = t.reply.turnsEnded;
  let status: SessionStatus | undefined;
  try {
    // The route lists busy and retrying sessions only: absent means idle.
    status = (await rt.client.sessions.status())[rt.sessionId];
  } catch (error) {
    rt.report(error);
    return;
  }
  if (t.disposed || status === undefined || status.type === "idle") return;
  // Our own send() started meanwhile (it watches its turn from the send), or a turn seen on the
  // feed ended already: the answer is about a turn that is not ours to take over.
  if (generation !== t.generation || t.reply.turnsEnded !== ended) return;
  if (t.stage !== "idle" && t.stage !== "running") return;
  rt.flush();
  // No event of the turn seen yet: start it as the feed would have (the server's own status, so
  // a retry shows as one). A turn seen on the feed meanwhile is this one: it is watched already.
  if (t.reply.turn === "idle") rt.inject({ type: "session.status", properties: { sessionID: rt.sessionId, status } });
  await Promise.all([refetchMidTurn(rt, generation), seedPendingPrompts(rt, generation)]);
}
