import type { ReactNode } from "react";
import { flattenMessagePages, useMessages } from "opencode-react";
import { turnTotals } from "../lib/history";
import { isTurnActive, type Stream } from "../lib/stream";
import { ErrorNotice } from "./ErrorNotice";
import { LiveTurn } from "./LiveTurn";
import { MessageView } from "./MessageView";
import { PendingPrompts } from "./PendingPrompts";
import { Suggestions } from "./Suggestions";

const PAGE_SIZE = 20;

interface TimelineProps {
  sessionId: string;
  stream: Stream;
  /** The user pressed Stop during the current turn. */
  stopped: boolean;
  onSuggest: (text: string) => Promise<void>;
  /** Called before older messages load, so the view can stay where the reader is. */
  onLoadOlder: () => void;
}

/**
 * History from useMessages, with the live turn from useStream in place of the assistant
 * messages it covers. The history cache is live too, so without this the streaming turn would
 * show twice: the stream's copy wins because it carries status, watchdog and usage.
 */
export function Timeline({ sessionId, stream, stopped, onSuggest, onLoadOlder }: TimelineProps) {
  const history = useMessages(sessionId, { pageSize: PAGE_SIZE, select: flattenMessagePages });
  const messages = history.data ?? [];
  const active = isTurnActive(stream.status);
  const showLive = active || stream.parts.length > 0 || stream.error !== null;
  const liveIds = new Set(stream.parts.map((part) => part.messageID));
  const lastUser = lastIndexOf(messages, (message) => message.info.role === "user");
  const usage = turnTotals(messages);

  const rows: ReactNode[] = [];
  let placed = false;
  messages.forEach((message, index) => {
    // An assistant message of the live turn: known to the stream, or newer than the last prompt
    // while a turn runs (its first parts may not have reached the stream yet).
    // A failed turn may have no parts at all: its error is the stream's too.
    const latest = index > lastUser && (active || stream.error !== null);
    const live = showLive && message.info.role === "assistant" && (liveIds.has(message.info.id) || latest);
    if (!live) rows.push(<MessageView key={message.info.id} message={message} usage={usage.get(message.info.id)} />);
    else if (!placed) rows.push(<LiveTurn key="live" stream={stream} stopped={stopped} />);
    placed ||= live;
  });
  if (showLive && !placed) rows.push(<LiveTurn key="live" stream={stream} stopped={stopped} />);

  return (
    <>
      {history.hasNextPage && (
        <button className="btn btn-ghost load-older" onClick={() => {
            onLoadOlder();
            void history.fetchNextPage();
          }} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? "Loading…" : "Load older messages"}
        </button>
      )}
      {history.error && <ErrorNotice error={history.error} />}
      {history.isPending && <p className="muted center">Loading messages…</p>}
      {history.isSuccess && messages.length === 0 && !showLive && <Suggestions onPick={onSuggest} />}
      {rows}
      <PendingPrompts sessionId={sessionId} />
    </>
  );
}

/** `Array.prototype.findLastIndex` is ES2023; the project targets ES2022. */
function lastIndexOf<T>(items: readonly T[], match: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (match(items[i] as T)) return i;
  return -1;
}
