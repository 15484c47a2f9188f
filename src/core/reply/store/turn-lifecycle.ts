/**
 * The two actions of a reply store. `send`: a fresh reply, "connecting" until the feed is ready,
 * the prompt posted exactly once through the subscribe-then-prompt handshake (never re-posted on a
 * reconnect, never retried after an error: a failed POST may still have started the turn, SUB-09),
 * then the turn runs on the feed. `abort`: the server-side abort, which is not the same as closing
 * the stream: the stream stays open to see the turn end.
 */
import type { PromptInput } from "../../api";
import { ConflictError, OpencodeError } from "../../errors";
import { promptWhenReady } from "../../events/prompt-when-ready";
import { distill } from "../reducer/distill";
import type { TurnStage } from "./reply-status";
import { moveTurn } from "./turn-stages";
import { checkEnded, finishTurn } from "./final-merge";
import { toError, type ReplyRuntime } from "./reply-runtime";
import { messageIdsOf, nextTurnState } from "../reducer/turn-reset";
import { armClock, disarm, restartAfterPost } from "./watchdog";

/** The POST failed, or the wait for the feed did (a fatal feed error, e.g. UnauthorizedError). */
function failSend(rt: ReplyRuntime, error: unknown): void {
  const t = rt.turn;
  moveTurn(t, "post failed");
  t.posting = false;
  t.error = toError(error);
  t.clock = disarm(t.clock);
  rt.rearm();
  rt.publish();
  rt.report(t.error);
}

/**
 * `send(input)`: see the module comment. Resolves once the prompt was posted or the attempt
 * failed (the store then shows "error"); rejects only when a turn is already in flight or the
 * store was disposed.
 */
export async function sendPrompt(rt: ReplyRuntime, input: PromptInput | string): Promise<void> {
  const t = rt.turn;
  if (t.disposed) throw new OpencodeError("opencode-react: this reply store was disposed");
  if (t.stage === "connecting" || t.stage === "running") {
    throw new ConflictError(`opencode-react: session ${rt.sessionId} already has a turn in flight; wait for it or abort() it`);
  }
  const prompt: PromptInput = typeof input === "string" ? { text: input } : input;
  rt.flush();
  t.staleMessageIds = messageIdsOf(t.reply);
  t.reply = nextTurnState(t.reply);
  t.generation += 1;
  const generation = t.generation;
  moveTurn(t, "send");
  t.error = null;
  t.watchdogError = null;
  t.result = null;
  t.posting = false;
  t.endedWhileConnecting = false;
  t.clock = armClock(t.clock, Date.now());
  const controller = new AbortController();
  t.prompt = controller;
  let settle: () => void = () => undefined;
  t.postSettled = new Promise<void>((resolve) => (settle = resolve));
  rt.rearm();
  rt.publish();
  const post = (): Promise<void> => {
    if (generation === t.generation) t.posting = true;
    return rt.client.messages.sendAsync(rt.sessionId, prompt);
  };
  try {
    await promptWhenReady(rt.client.events, rt.sessionId, post, { signal: controller.signal });
  } catch (error) {
    // Given up on our side (abort before the POST, dispose, turn timeout, a newer send): not a failure.
    if (!t.disposed && generation === t.generation && !controller.signal.aborted) failSend(rt, error);
    return;
  } finally {
    if (t.prompt === controller) t.prompt = null;
    t.postSettled = null;
    settle();
  }
  // Read through a widened type: the checks above narrowed `stage`, and moveTurn changed it since.
  const stage = t.stage as TurnStage;
  if (t.disposed || generation !== t.generation || stage !== "connecting") return;
  t.posting = false;
  moveTurn(t, "posted");
  t.clock = restartAfterPost(t.clock, Date.now());
  if (t.endedWhileConnecting) finishTurn(rt);
  rt.rearm();
  rt.publish();
}

/**
 * `abort()`: before the POST, the prompt is simply never posted (idle, `aborted`); otherwise the
 * server is asked to abort (after a POST in flight lands, or the server would run it after the
 * abort) and the watchdogs stop. The turn then ends on the feed as usual (final merge, idle with
 * `aborted`); if the server says the session is idle already, the store ends it itself.
 */
export async function abortTurn(rt: ReplyRuntime): Promise<void> {
  const t = rt.turn;
  if (t.disposed) return;
  if (t.stage === "connecting" && !t.posting) {
    t.prompt?.abort(new DOMException("opencode-react: the turn was aborted before its prompt was posted", "AbortError"));
    moveTurn(t, "aborted");
    t.abortedGeneration = t.generation;
    t.clock = disarm(t.clock);
    t.result = distill(t.reply);
    rt.rearm();
    rt.publish();
    rt.finished(t.result, { aborted: true, error: null });
    return;
  }
  // Marked now, not when the server's MessageAbortedError arrives: 1.2 servers send session.idle
  // BEFORE that error, so the turn can end (and finish) before the server says it was aborted.
  const generation = t.generation;
  const wasAborted = t.reply.aborted;
  if (!wasAborted && t.stage !== "idle") t.reply = { ...t.reply, aborted: true };
  if (t.postSettled !== null) await t.postSettled;
  try {
    await rt.client.sessions.abort(rt.sessionId);
  } catch (error) {
    if (!wasAborted && t.generation === generation && t.stage !== "idle") t.reply = { ...t.reply, aborted: false };
    rt.report(error);
    throw error;
  }
  if (t.disposed || t.stage !== "running") return;
  // The server accepted the abort: the turn is aborted whether or not its MessageAbortedError comes.
  t.abortedGeneration = t.generation;
  t.clock = disarm(t.clock);
  rt.rearm();
  rt.publish();
  await checkEnded(rt);
}
