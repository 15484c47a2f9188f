/**
 * `useReply`: a fine-grained view of a session's reply store, for components that show one piece
 * of a turn (one part, the status, the todo count) and should not re-render for the rest.
 */
import { useRef } from "react";
import type { ReplyStoreState } from "../../core/reply";
import type { ReplyStoreSettings } from "./registry";
import { useSelected } from "./use-selected";
import { useHeldReplyStore } from "./use-reply-store";

const NO_SETTINGS: ReplyStoreSettings | undefined = undefined;

/**
 * Selects from the reply store of a session, re-rendering only when the selection changes
 * (`Object.is`, or `equality`). It shares the store of the session's `useStream` (and holds it
 * while mounted; a store it creates alone uses the default settings, unless a `useStream` of the
 * same render creates it). The selector receives the store state: `parts`, `partsById.get(id)`
 * and `distill(state)` keep identity while nothing they read changed. With `sessionId` undefined the selector sees an idle, empty reply.
 * @template T The selection.
 * @param sessionId The session, or undefined.
 * @param selector Picks what the component shows; may be an inline function.
 * @param equality When the selection counts as unchanged (default `Object.is`; `shallow` from
 * "zustand/shallow" for objects and arrays built by the selector).
 * @returns The selection.
 * @example
 * // Re-renders only when this part changes, not when another part streams.
 * function PartView({ sessionId, partId }: { sessionId: string; partId: string }) {
 *   const part = useReply(sessionId, (s) => s.partsById.get(partId));
 *   return part?.type === "text" ? <p>{part.text}</p> : null;
 * }
 * @example
 * const { status, todos } = useReply(sessionId, (s) => ({ status: s.status, todos: s.todos }), shallow);
 */
export function useReply<T>(
  sessionId: string | undefined,
  selector: (state: ReplyStoreState) => T,
  equality: (a: T, b: T) => boolean = Object.is,
): T {
  const settings = useRef(NO_SETTINGS);
  const store = useHeldReplyStore(sessionId, settings);
  return useSelected(store, selector, equality);
}
