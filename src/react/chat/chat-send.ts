/**
 * Sending from a chat: the user's message goes to the outbox at once (client-made ids), the
 * prompt is posted once through the session's reply store (subscribe, ready, post), and a failure
 * is judged: a definite refusal (4xx) marks the message failed with its typed error; an ambiguous
 * one (the connection dropped, a timeout, a 5xx) is confirmed by asking the server for the
 * message by id once the feed is back. A resend reuses the id, so a prompt is never stored twice.
 */
import type { StoreApi } from "zustand/vanilla";
import type { OpencodeClient } from "../../core/client";
import { NotFoundError, OpencodeError } from "../../core/errors";
import type { ReplyStoreState } from "../../core/reply";
import { buildOptimisticMessage, type IdentifiedPrompt } from "../cache/optimistic-message";
import { holdReplyStore } from "../stream/registry";
import { sendTurn } from "./live-turn";
import { markEntry, putEntry, type Outbox } from "./outbox";

/**
 * True for a refusal the server made for sure (a 4xx answer, 408 aside): the prompt was not stored.
 * @example isDefiniteRefusal(new BadRequestError("bad", { status: 400 })) // true
 */
export function isDefiniteRefusal(error: Error): boolean {
  const status = error instanceof OpencodeError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 408;
}

/**
 * What a send needs.
 * @example const context: ChatSendContext = { client, sessionId, outbox, store: () => ensureReplyStore(client, sessionId) }
 */
export interface ChatSendContext {
  readonly client: OpencodeClient;
  readonly sessionId: string;
  readonly outbox: StoreApi<Outbox>;
  /** The session's reply store (created if needed). */
  readonly store: () => StoreApi<ReplyStoreState>;
  readonly onError?: (error: Error) => void;
}

/** True when the server has the message (asked once the feed is ready); errors count as "unknown". */
async function confirm(context: ChatSendContext, messageId: string): Promise<boolean | undefined> {
  try {
    await context.client.events.ready();
    await context.client.messages.get(context.sessionId, messageId);
    return true;
  } catch (error) {
    return error instanceof NotFoundError ? false : undefined;
  }
}

async function post(context: ChatSendContext, prompt: IdentifiedPrompt): Promise<void> {
  const { outbox } = context;
  const store = context.store();
  // A5: the store must outlive its POST even if every component holding it unmounts meanwhile.
  const release = holdReplyStore(context.client, context.sessionId, { settings: undefined, callbacks: { current: {} } });
  let failure: Error | null;
  try {
    failure = await sendTurn(store, prompt);
  } finally {
    release();
  }
  if (failure === null) {
    markEntry(outbox, prompt.messageID, "sent", null);
    return;
  }
  if (isDefiniteRefusal(failure)) {
    markEntry(outbox, prompt.messageID, "failed", failure);
    return;
  }
  markEntry(outbox, prompt.messageID, "confirming", failure);
  const found = await confirm(context, prompt.messageID);
  if (found === true) noteConfirmed(failure);
  markEntry(outbox, prompt.messageID, found === true ? "sent" : "failed", found === true ? null : failure);
}

/**
 * Sends a new message (see the module comment). Rejects, leaving nothing behind, when a turn is
 * already in flight.
 * @example await sendChatMessage(context, identifyPrompt({ text: "hi" }, newestId))
 */
export async function sendChatMessage(context: ChatSendContext, prompt: IdentifiedPrompt): Promise<void> {
  const { outbox } = context;
  putEntry(outbox, { id: prompt.messageID, prompt, message: buildOptimisticMessage(context.sessionId, prompt), state: "sending", error: null });
  try {
    await post(context, prompt);
  } catch (error) {
    outbox.setState((s) => {
      const entries = { ...s.entries };
      delete entries[prompt.messageID];
      return { entries };
    });
    throw error;
  }
}

/**
 * Sends a failed message again under its id; an unconfirmed one is first looked up, and not
 * posted again when the server has it.
 * @example await resendChatMessage(context, "msg_1")
 */
export async function resendChatMessage(context: ChatSendContext, messageId: string): Promise<void> {
  const entry = context.outbox.getState().entries[messageId];
  if (entry === undefined || entry.state !== "failed") return;
  if (!isDefiniteRefusal(entry.error ?? new Error("unknown"))) {
    markEntry(context.outbox, messageId, "confirming", entry.error);
    const found = await confirm(context, messageId);
    if (found === true) {
      noteConfirmed(entry.error);
      markEntry(context.outbox, messageId, "sent", null);
      return;
    }
  }
  markEntry(context.outbox, messageId, "sending", null);
  try {
    await post(context, entry.prompt);
  } catch (error) {
    markEntry(context.outbox, messageId, "failed", error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

const confirmedFailures = new WeakSet<Error>();

/**
 * True for a POST error that turned out not to be one (the server had the message): the chat
 * does not show it as the turn's error.
 * @example if (isConfirmedFailure(state.error)) hideError()
 */
export function isConfirmedFailure(error: Error | null): boolean {
  return error !== null && confirmedFailures.has(error);
}

/** Notes that `error` did not keep the message from being stored. */
export function noteConfirmed(error: Error | null): void {
  if (error !== null) confirmedFailures.add(error);
}
