import { formatCost, formatTokens } from "../lib/format";
import type { Stream } from "../lib/stream";

/** Cost and tokens of the turn, summed over its steps by the stream. */
export function TurnUsage({ cost, tokens }: { cost: number; tokens: Stream["tokens"] }) {
  return (
    <div className="usage" data-testid="turn-usage">
      <span>{formatCost(cost)}</span>
      <span aria-hidden>·</span>
      <span>{formatTokens(tokens)} tokens</span>
    </div>
  );
}
