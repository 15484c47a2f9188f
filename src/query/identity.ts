/**
 * TanStack's `queryOptions` and `infiniteQueryOptions` without importing `@tanstack/react-query`
 * at run time: they are identity functions that only add types (DataTag keys), and importing the
 * React package would break this entry in a server component (`react-server` has no
 * createContext). The types are TanStack's own.
 */
import type { infiniteQueryOptions as InfiniteQueryOptionsFn, queryOptions as QueryOptionsFn } from "@tanstack/react-query";

const identity = <T>(options: T): T => options;

/** TanStack's `queryOptions` (types only; returns its argument). @example queryOptions({ queryKey, queryFn }) */
export const queryOptions = identity as unknown as typeof QueryOptionsFn;
/** TanStack's `infiniteQueryOptions` (types only; returns its argument). @example infiniteQueryOptions({ queryKey, queryFn, initialPageParam, getNextPageParam }) */
export const infiniteQueryOptions = identity as unknown as typeof InfiniteQueryOptionsFn;
