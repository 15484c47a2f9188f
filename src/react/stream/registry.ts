/**
 * The reply stores of each client: one store per session, shared by every hook of that session,
 * reference-counted by the hooks that hold it. The last release disposes the store on a 0 ms
 * timer, so React StrictMode's mount/unmount/mount (and a route change that re-mounts at once)
 * keeps ONE store and ONE feed subscription, and never posts a prompt twice.
 * Stores are created in effects or actions, never during render: creating one opens the feed.
 */
import type { StoreApi } from "zustand/vanilla";
import type { OpencodeClient } from "../../core/client";
import { createReplyStore, type DistilledReply, type ReplyFinishInfo, type ReplyStoreOptions, type ReplyStoreState } from "../../core/reply";

/**
 * The store settings a hook can choose (read once, when the store is created).
 * @example const settings: ReplyStoreSettings = { idleTimeoutMs: 60_000, throttleMs: "frame" }
 */
export type ReplyStoreSettings = Pick<ReplyStoreOptions, "firstEventTimeoutMs" | "idleTimeoutMs" | "turnTimeoutMs" | "throttleMs">;

/**
 * Callbacks of one holder, read at call time (a ref: changing them never re-creates anything).
 * @example const callbacks = useRef<HolderCallbacks>({ onError: console.error })
 */
export interface HolderCallbacks {
  readonly onFinish?: (result: DistilledReply, info: ReplyFinishInfo) => void;
  readonly onError?: (error: Error) => void;
}

/**
 * One hook holding a session's store.
 * @example const holder: ReplyStoreHolder = { settings: undefined, callbacks: { current: {} } }
 */
export interface ReplyStoreHolder {
  /** Settings to create the store with; undefined = "whatever the session's other hooks chose". */
  readonly settings: ReplyStoreSettings | undefined;
  readonly callbacks: { readonly current: HolderCallbacks };
}

interface Entry {
  store: StoreApi<ReplyStoreState> | undefined;
  /** The settings the store was created with (undefined: the defaults). */
  settings: ReplyStoreSettings | undefined;
  warned: boolean;
  readonly holders: Set<ReplyStoreHolder>;
  disposeTimer: ReturnType<typeof setTimeout> | undefined;
}

interface Registry {
  readonly entries: Map<string, Entry>;
  readonly listeners: Set<() => void>;
}

const registries = new WeakMap<OpencodeClient, Registry>();

function registryOf(client: OpencodeClient): Registry {
  let registry = registries.get(client);
  if (registry === undefined) {
    registry = { entries: new Map(), listeners: new Set() };
    registries.set(client, registry);
  }
  return registry;
}

function notify(registry: Registry): void {
  for (const listener of [...registry.listeners]) listener();
}

/** Calls every holder; one throwing callback must not keep the others from hearing it. */
function fanOut(entry: Entry, call: (callbacks: HolderCallbacks) => void): void {
  let failure: unknown;
  for (const holder of [...entry.holders]) {
    try {
      call(holder.callbacks.current);
    } catch (error) {
      failure ??= error;
    }
  }
  // The store reports a throwing onFinish through onError, as for a single callback.
  if (failure !== undefined) throw failure;
}

function create(client: OpencodeClient, sessionId: string, entry: Entry, registry: Registry, settings: ReplyStoreSettings | undefined): StoreApi<ReplyStoreState> {
  let chosen = settings;
  for (const holder of entry.holders) chosen ??= holder.settings;
  const store = createReplyStore({
    ...chosen,
    client,
    sessionId,
    onFinish: (result, info) => fanOut(entry, (c) => c.onFinish?.(result, info)),
    onError: (error) => fanOut(entry, (c) => c.onError?.(error)),
  });
  entry.store = store;
  entry.settings = chosen;
  notify(registry);
  return store;
}

function entryOf(registry: Registry, sessionId: string): Entry {
  let entry = registry.entries.get(sessionId);
  if (entry === undefined) {
    entry = { store: undefined, settings: undefined, warned: false, holders: new Set(), disposeTimer: undefined };
    registry.entries.set(sessionId, entry);
  }
  return entry;
}

const SETTING_NAMES = ["firstEventTimeoutMs", "idleTimeoutMs", "turnTimeoutMs", "throttleMs"] as const;

/**
 * A7: a store is configured once, by the hook that created it; a later hook asking for other
 * settings would silently get the first ones. Development builds say so (once per store); the call
 * site is behind `process.env.NODE_ENV`, so production bundles drop this function.
 */
function warnIfIgnored(sessionId: string, entry: Entry, settings: ReplyStoreSettings): void {
  if (entry.warned) return;
  const differs = SETTING_NAMES.filter((name) => settings[name] !== undefined && settings[name] !== entry.settings?.[name]);
  if (differs.length === 0) return;
  entry.warned = true;
  console.warn(
    `opencode-react: the reply store of session ${sessionId} already exists (created by an earlier hook, e.g. useReply, with ` +
      `${entry.settings === undefined ? "the default settings" : "other settings"}); ${differs.join(", ")} of this useStream/useChat are ignored. ` +
      "Pass the same options to every hook of the session, or mount the configuring hook first.",
  );
}

/** Disposes the entry on a 0 ms timer unless a holder comes back first. */
function scheduleDispose(registry: Registry, sessionId: string, entry: Entry): void {
  if (entry.disposeTimer !== undefined) return;
  entry.disposeTimer = setTimeout(() => {
    entry.disposeTimer = undefined;
    if (entry.holders.size > 0) return;
    registry.entries.delete(sessionId);
    if (entry.store === undefined) return;
    entry.store.getState().dispose();
    entry.store = undefined;
    notify(registry);
  }, 0);
}

/**
 * The session's store if one exists (never creates one).
 * @example peekReplyStore(client, "ses_1")?.getState().status
 */
export function peekReplyStore(client: OpencodeClient, sessionId: string): StoreApi<ReplyStoreState> | undefined {
  return registries.get(client)?.entries.get(sessionId)?.store;
}

/**
 * Called whenever a store of this client is created or disposed. Returns the unsubscribe function.
 * @example const off = subscribeReplyStores(client, () => console.log(peekReplyStore(client, "ses_1")))
 */
export function subscribeReplyStores(client: OpencodeClient, listener: () => void): () => void {
  const registry = registryOf(client);
  registry.listeners.add(listener);
  return () => {
    registry.listeners.delete(listener);
  };
}

/**
 * Holds the session's store until the returned release is called. A holder with settings creates
 * the store at once; one without (useReply) waits a microtask, so that a `useStream` of the same
 * commit (a parent's effects run after its children's) creates it with its own settings.
 * @example useEffect(() => holdReplyStore(client, sessionId, holder), [client, sessionId])
 */
export function holdReplyStore(client: OpencodeClient, sessionId: string, holder: ReplyStoreHolder): () => void {
  const registry = registryOf(client);
  const entry = entryOf(registry, sessionId);
  entry.holders.add(holder);
  if (entry.disposeTimer !== undefined) {
    clearTimeout(entry.disposeTimer);
    entry.disposeTimer = undefined;
  }
  // Behind the literal `process.env.NODE_ENV` bundlers replace, so production builds drop the warning.
  if (process.env.NODE_ENV !== "production" && entry.store !== undefined && holder.settings !== undefined) {
    warnIfIgnored(sessionId, entry, holder.settings);
  }
  if (entry.store === undefined) {
    if (holder.settings !== undefined) create(client, sessionId, entry, registry, holder.settings);
    else {
      queueMicrotask(() => {
        if (entry.store === undefined && entry.holders.size > 0 && registry.entries.get(sessionId) === entry) {
          create(client, sessionId, entry, registry, undefined);
        }
      });
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.holders.delete(holder);
    if (entry.holders.size === 0) scheduleDispose(registry, sessionId, entry);
  };
}

/**
 * The session's store, created now if needed (an action called before the hooks' effects ran,
 * e.g. `send` from a child's mount effect). A store nobody holds is disposed on a 0 ms timer.
 * @example await ensureReplyStore(client, "ses_1").getState().send("hi")
 */
export function ensureReplyStore(client: OpencodeClient, sessionId: string, settings?: ReplyStoreSettings): StoreApi<ReplyStoreState> {
  const registry = registryOf(client);
  const entry = entryOf(registry, sessionId);
  const store = entry.store ?? create(client, sessionId, entry, registry, settings);
  if (entry.holders.size === 0) scheduleDispose(registry, sessionId, entry);
  return store;
}

/**
 * How many hooks hold the session's store (0 when it is gone or about to be disposed).
 * @example replyStoreHolders(client, "ses_1") // 2: a useStream and a useReply
 */
export function replyStoreHolders(client: OpencodeClient, sessionId: string): number {
  return registries.get(client)?.entries.get(sessionId)?.holders.size ?? 0;
}

/**
 * The sessions that have a reply store on this client now (for tools such as the devtools).
 * @example for (const id of replyStoreSessions(client)) console.log(id, peekReplyStore(client, id)?.getState().status)
 */
export function replyStoreSessions(client: OpencodeClient): string[] {
  const entries = registries.get(client)?.entries;
  return entries === undefined ? [] : [...entries].filter(([, entry]) => entry.store !== undefined).map(([id]) => id);
}
