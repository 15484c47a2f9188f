/**
 * A store selection with a custom equality (zustand v5's `useStore` has none): the selected value
 * is kept while `equality(previous, next)` holds, so the component does not re-render.
 */
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand/vanilla";

interface Memo<S, T> {
  readonly state: S;
  readonly selector: (state: S) => T;
  readonly value: T;
}

/**
 * `selector(store.getState())`, re-rendering only when the selection is not `equality`-equal.
 * @example const ids = useSelected(store, (s) => s.partIds, shallow)
 */
export function useSelected<S, T>(store: StoreApi<S>, selector: (state: S) => T, equality: (a: T, b: T) => boolean): T {
  const memo = useRef<Memo<S, T> | null>(null);
  // getSnapshot must return the same value for the same state (React calls it more than once).
  const getSnapshot = (): T => {
    const state = store.getState();
    const last = memo.current;
    if (last !== null && last.state === state && last.selector === selector) return last.value;
    const next = selector(state);
    const value = last !== null && equality(last.value, next) ? last.value : next;
    memo.current = { state, selector, value };
    return value;
  };
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
