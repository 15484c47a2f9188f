import { useState } from "react";
import { isTurnActive, type StreamStatus } from "../lib/stream";
import { toError } from "../lib/errors";
import { ErrorNotice } from "./ErrorNotice";
import { ComposerBox } from "./ComposerBox";

interface ComposerProps {
  status: StreamStatus;
  onSend: (text: string) => Promise<void>;
  onStop: () => Promise<void>;
}

/** The message box. Enter sends, Shift+Enter breaks the line; while a turn runs, Send becomes Stop. */
export function Composer({ status, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const active = isTurnActive(status);

  const send = () => {
    const prompt = text.trim();
    if (prompt === "" || active) return;
    setText("");
    setError(null);
    // A refused send keeps the words, so nothing typed is lost.
    onSend(prompt).catch((reason: unknown) => {
      setError(toError(reason));
      setText(prompt);
    });
  };
  const stop = () => {
    setError(null);
    onStop().catch((reason: unknown) => setError(toError(reason)));
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {error && <ErrorNotice error={error} compact />}
      <ComposerBox
        text={text}
        onText={setText}
        placeholder="Message the agent…  (Enter to send, Shift+Enter for a new line)"
        onSend={send}
        stoppable={active}
        onStop={stop}
      />
    </form>
  );
}
