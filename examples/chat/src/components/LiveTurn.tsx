import { isTurnActive, type Stream } from "../lib/stream";
import { ErrorNotice } from "./ErrorNotice";
import { isVisiblePart, PartList } from "./PartList";
import { StoppedChip } from "./StoppedChip";
import { TurnUsage } from "./TurnUsage";
import { WatchdogNotice } from "./WatchdogNotice";

/** The turn in flight (or the last one of this visit): streamed parts, watchdog, error, usage. */
export function LiveTurn({ stream, stopped }: { stream: Stream; stopped: boolean }) {
  const active = isTurnActive(stream.status);
  const nothingYet = !stream.parts.some(isVisiblePart);
  return (
    <div className="row row-assistant live" data-testid="live-turn" data-status={stream.status}>
      <PartList parts={stream.parts} streaming={stream.status === "streaming"} />
      {active && nothingYet && stream.status !== "awaiting-input" && (
        <div className="thinking" aria-live="polite">
          <span className="typing" aria-hidden>
            <i />
            <i />
            <i />
          </span>
          {stream.status === "connecting" ? "Connecting…" : "Thinking…"}
        </div>
      )}
      {stopped && !active && <StoppedChip />}
      <WatchdogNotice status={stream.status} watchdog={stream.watchdog} />
      {stream.error && <ErrorNotice error={stream.error} />}
      {(stream.tokens.input > 0 || stream.tokens.output > 0 || stream.cost > 0) && <TurnUsage cost={stream.cost} tokens={stream.tokens} />}
    </div>
  );
}
