/**
 * Text deltas for the history cache, at most once per frame: a run of `message.part.delta`
 * events is folded into one appended string per part and written with ONE `setQueryData` per
 * session when the frame comes (the streaming turn itself lives in the reply store, which the
 * chat hooks read; the history cache only needs a snapshot per frame). Any other event flushes
 * the buffer first, so the cache sees every change in the order the server sent it.
 */
import type { QueryClient } from "@tanstack/react-query";
import { frameScheduler, type FrameScheduler } from "../../core/reply/store/frame-scheduler";
import { sessionIdOf } from "../../core/events/route";
import type { WireEvent } from "../../core/events/types";
import { opencodeKeys, type ScopeSource } from "../../query/keys";
import type { MessagePages } from "./message-pages";
import { patchMessagePages } from "./message-parts";
import { patchQueries } from "./query-writes";
import { str } from "./read";

/**
 * The buffer of one live-cache attachment.
 * @example const buffer = createDeltaBuffer(queryClient, client); buffer.push(event) || applyEventToCache(queryClient, client, event)
 */
export interface DeltaBuffer {
  /** Buffers a delta (true), or flushes the buffer and returns false for any other event. */
  push(event: WireEvent): boolean;
  /** Writes what is buffered now. */
  flush(): void;
  /** Drops the buffer and the scheduled frame. */
  dispose(): void;
}

interface Pending {
  readonly messageID: string;
  readonly partID: string;
  readonly field: string;
  text: string;
}

/**
 * Creates the buffer (`schedule`: the frame scheduler, default one animation frame or 16 ms).
 * @example createDeltaBuffer(queryClient, client)
 */
export function createDeltaBuffer(queryClient: QueryClient, scope: ScopeSource, schedule: FrameScheduler = frameScheduler()): DeltaBuffer {
  // session -> "message part field" -> folded delta, in arrival order
  let bySession = new Map<string, Map<string, Pending>>();
  let cancel: (() => void) | undefined;

  const flush = (): void => {
    cancel?.();
    cancel = undefined;
    if (bySession.size === 0) return;
    const batch = bySession;
    bySession = new Map();
    for (const [sessionId, runs] of batch) {
      const events = [...runs.values()].map(
        (run): WireEvent => ({ type: "message.part.delta", properties: { sessionID: sessionId, messageID: run.messageID, partID: run.partID, field: run.field, delta: run.text } }),
      );
      patchQueries<MessagePages>(queryClient, { queryKey: opencodeKeys.messages(scope, sessionId) }, (data) => events.reduce(patchMessagePages, data));
    }
  };

  return {
    push(event) {
      if (event.type !== "message.part.delta") {
        flush();
        return false;
      }
      const p = event.properties;
      const sessionId = sessionIdOf(event);
      const messageID = str(p.messageID);
      const partID = str(p.partID);
      const field = str(p.field);
      const delta = str(p.delta);
      if (sessionId === undefined || messageID === undefined || partID === undefined || field === undefined || delta === undefined || delta === "") return true;
      let runs = bySession.get(sessionId);
      if (runs === undefined) bySession.set(sessionId, (runs = new Map()));
      const key = `${messageID} ${partID} ${field}`;
      const run = runs.get(key);
      if (run === undefined) runs.set(key, { messageID, partID, field, text: delta });
      else run.text += delta;
      cancel ??= schedule(flush);
      return true;
    },
    flush,
    dispose() {
      cancel?.();
      cancel = undefined;
      bySession = new Map();
    },
  };
}
