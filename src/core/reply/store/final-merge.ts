/**
 * The store's exchanges with the stored messages (FX-01..FX-13): the final merge when a turn ends
 * (fetch once; a failed fetch keeps the streamed state, FX-10), the re-fetch after a reconnect of
 * the feed (the server never replays what we missed), and the end of a turn found through
 * `sessions.status()` when its idle event was missed.
 */
import type { WireEvent } from "../../events/types";
import { distill } from "../reducer/distill";
import { moveTurn } from "./turn-stages";
import { fetchTurnMessages } from "./fetch-turn";
import { reconcileTurn, type WireMessage } from "../reducer/reconcile";
import type { ReplyRuntime } from "./reply-runtime";
import { seedPendingPrompts } from "./seed-prompts";
import { refetchMidTurn } from "../reducer/mid-turn-merge";
import { disarm } from "./watchdog";

/**
 * The turn ended: fetch the session's messages once, reconcile, publish the result, call
 * `onFinish`. When another turn started meanwhile, only `onFinish` hears about this one.
 */
export function finishTurn(rt: ReplyRuntime): void {
  const t = rt.turn;
  const generation = t.generation;
  const ended = t.reply;
  moveTurn(t, "idle seen");
  t.clock = disarm(t.clock);
  rt.rearm();
  void (async () => {
    let items: readonly WireMessage[] | undefined;
    try {
      items = await fetchTurnMessages(rt.client, rt.sessionId, ended);
    } catch (error) {
      rt.report(error); // FX-10: the streamed state stands; the turn did not fail.
    }
    if (t.disposed) return;
    rt.flush();
    const current = generation === t.generation && t.stage === "finishing";
    const base = current ? t.reply : ended;
    const merged = items === undefined ? base : reconcileTurn(base, items);
    const result = distill(merged);
    if (current) {
      t.reply = merged;
      t.result = result;
      moveTurn(t, "final fetch done");
      rt.publish();
    }
    const aborted = merged.aborted || t.abortedGeneration === generation;
    rt.finished(result, { aborted, error: current ? t.error : merged.error });
  })();
}

const sessionEvent = (rt: ReplyRuntime, type: string, properties: Record<string, unknown> = {}): WireEvent => ({
  type,
  properties: { sessionID: rt.sessionId, ...properties },
});

/** What `sessions.status()` says about the watched turn. */
export type TurnCheck = "busy" | "ended" | "unknown";

/**
 * Asks the server whether the session is still busy; if not, the turn ended without us seeing its
 * idle event (it happened while the feed was down), so the store ends it as if it had.
 */
export async function checkEnded(rt: ReplyRuntime): Promise<TurnCheck> {
  const t = rt.turn;
  const generation = t.generation;
  let busy: boolean;
  try {
    const statuses = await rt.client.sessions.status();
    const status = statuses[rt.sessionId];
    // The route lists busy and retrying sessions only: absent means idle.
    busy = status !== undefined && status.type !== "idle";
  } catch (error) {
    rt.report(error);
    return "unknown";
  }
  if (t.disposed || generation !== t.generation || t.stage !== "running") return "unknown";
  if (busy) return "busy";
  rt.flush();
  if (t.reply.turn === "done") return "ended";
  // A turn with no event seen at all has to start before it can end (the reducer ends running turns only).
  if (t.reply.turn === "idle") rt.inject(sessionEvent(rt, "session.status", { status: { type: "busy" } }));
  rt.inject(sessionEvent(rt, "session.idle"));
  return "ended";
}

/**
 * After a reconnect during a turn: end it if the server says it is over, else re-fetch the
 * messages and merge what the stream missed (never dropping or shortening live parts: see
 * `mid-turn-merge.ts`).
 */
export async function refetchAfterReconnect(rt: ReplyRuntime): Promise<void> {
  const t = rt.turn;
  if (t.stage === "connecting" && t.posting) await t.postSettled;
  if (t.stage !== "running" || t.disposed) return;
  const generation = t.generation;
  if ((await checkEnded(rt)) === "ended") return;
  await Promise.all([refetchMidTurn(rt, generation), seedPendingPrompts(rt, generation)]);
}
