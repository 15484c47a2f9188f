import { ABORTED, assistantError, toReplyPart, userText, type HistoryMessage, type TurnTotals } from "../lib/history";
import { ErrorNotice } from "./ErrorNotice";
import { PartList } from "./PartList";
import { StoppedChip } from "./StoppedChip";
import { TurnUsage } from "./TurnUsage";

/** A stored message: the user's as a bubble, the assistant's as its parts (same look as live). */
export function MessageView({ message, usage }: { message: HistoryMessage; usage?: TurnTotals }) {
  if (message.info.role === "user") {
    const text = userText(message);
    return (
      <div className="row row-user" data-testid="user-message">
        <div className="bubble">{text || <span className="muted">(no text)</span>}</div>
      </div>
    );
  }
  const parts = message.parts.flatMap((part) => toReplyPart(part) ?? []);
  const error = assistantError(message);
  return (
    <div className="row row-assistant" data-testid="assistant-message">
      <PartList parts={parts} />
      {error?.name === ABORTED && <StoppedChip />}
      {error && error.name !== ABORTED && <ErrorNotice error={{ title: `The model failed (${error.name})`, detail: error.message }} />}
      {usage && <TurnUsage cost={usage.cost} tokens={usage.tokens} />}
    </div>
  );
}
