/** The model's reasoning, collapsed by default: it is long and mostly of interest when debugging. */
export function ReasoningBlock({ text, streaming }: { text: string; streaming: boolean }) {
  const words = text.trim() === "" ? 0 : text.trim().split(/\s+/).length;
  return (
    <details className="reasoning" data-testid="reasoning">
      <summary>
        <span className="reasoning-label">{streaming ? "Thinking…" : "Reasoning"}</span>
        <span className="muted small">{words} words</span>
      </summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
