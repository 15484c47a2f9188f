/**
 * `onPart` of useStream: every part added or changed since the hook subscribed, once per store
 * update (at most once per frame), as an immutable snapshot. Found by comparing the parts table
 * with the previous one: parts are replaced only when they change, so identity tells.
 */
import { useEffect } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { ReplyState, ReplyStoreState } from "../../core/reply";
import type { UseStreamOptions } from "./types";

function changedParts(before: ReplyState, after: ReplyState, onPart: NonNullable<UseStreamOptions["onPart"]>): void {
  for (const id of after.partIds) {
    const part = after.parts.get(id);
    if (part !== undefined && part !== before.parts.get(id)) onPart(part);
  }
}

/**
 * Subscribes `options.current.onPart` (read at call time) to the store's part changes.
 * @example usePartEvents(store, latestOptionsRef)
 */
export function usePartEvents(store: StoreApi<ReplyStoreState>, options: { readonly current: UseStreamOptions }): void {
  useEffect(() => {
    let previous = store.getState().reply;
    return store.subscribe((state) => {
      const before = previous;
      previous = state.reply;
      const onPart = options.current.onPart;
      if (onPart === undefined || state.reply.parts === before.parts) return;
      try {
        changedParts(before, state.reply, onPart);
      } catch (error) {
        // A throwing callback must not break the store's publish (other listeners, the batcher).
        options.current.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }, [store, options]);
}
