import { useState } from "react";
import { toError } from "../lib/errors";
import { ErrorNotice } from "./ErrorNotice";

// Prompts that exercise each kind of turn. With the embedded scripted model (npm start) the
// keyword picks the turn; a real model just answers them.
const SUGGESTIONS = [
  { text: "hello", hint: "streamed text" },
  { text: "reason about it", hint: "reasoning" },
  { text: "tool", hint: "bash, asks permission" },
  { text: "question", hint: "asks you" },
  { text: "todo", hint: "a plan" },
  { text: "slow", hint: "long reply, try Stop" },
];

/** The empty conversation: a few prompts to start with. */
export function Suggestions({ onPick }: { onPick: (text: string) => Promise<void> }) {
  const [error, setError] = useState<Error | null>(null);
  return (
    <div className="suggestions">
      <h3>Start the conversation</h3>
      <p className="muted">Type below, or try one of these:</p>
      <div className="suggestion-grid">
        {SUGGESTIONS.map(({ text, hint }) => (
          <button key={text} className="suggestion" onClick={() => onPick(text).catch((reason: unknown) => setError(toError(reason)))}>
            <span className="suggestion-text">{text}</span>
            <span className="muted small">{hint}</span>
          </button>
        ))}
      </div>
      {error && <ErrorNotice error={error} compact />}
    </div>
  );
}
