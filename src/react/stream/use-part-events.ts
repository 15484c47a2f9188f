/**
 * `onPart` of useStream: every part added or changed since the hook subscribed, once per store
 * update (at most once per frame), as an immutable snapshot. Parts are replaced only when they
 * change, so identity against the previous by-id lookup tells.
 */
import { useEffect } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { PartLookup, ReplyStoreState } from "../../core/reply";
import type { UseStreamOptions } from "./types";

function changedParts(before: PartLookup, after: ReplyStoreState, onPart: NonNullable<UseStreamOptions["onPart"]>): void {
  for (const part of after.parts) if (part !== before.get(part.id)) onPart(part);
}

/**
 * Subscribes `options.current.onPart` (read at call time) to the store's part changes.
 * @example usePartEvents(store, latestOptionsRef)
 */
export function usePartEvents(store: StoreApi<ReplyStoreState>, options: { readonly current: UseStreamOptions }): void {
  useEffect(() => {
    let previous = store.getState().partsById;
    return store.subscribe((state) => {
      const before = previous;
      previous = state.partsById;
      const onPart = options.current.onPart;
      if (onPart === undefined || state.partsById === before) return;
      try {
        changedParts(before, state, onPart);
      } catch (error) {
        // A throwing callback must not break the store's publish (other listeners, the batcher).
        options.current.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }, [store, options]);
}
