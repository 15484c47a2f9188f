import { Icon } from "./Icon";

interface ComposerBoxProps {
  text: string;
  onText: (text: string) => void;
  placeholder: string;
  /** Enter (without Shift, outside an IME composition) sends. */
  onSend: () => void;
  /** A turn runs: the button is Stop instead of Send. */
  stoppable: boolean;
  onStop: () => void;
  /** Send is disabled while this holds (an empty text always disables it). */
  busy?: boolean;
}

/** The message box both composers share: the textarea and its Send/Stop button. Enter sends, Shift+Enter breaks the line. */
export function ComposerBox({ text, onText, placeholder, onSend, stoppable, onStop, busy = false }: ComposerBoxProps) {
  return (
    <div className="composer-box">
      <textarea
        aria-label="Message"
        placeholder={placeholder}
        rows={2}
        value={text}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onSend();
          }
        }}
      />
      {stoppable ? (
        <button key="stop" type="button" className="btn btn-danger" onClick={onStop}>
          <Icon name="stop" size={13} /> Stop
        </button>
      ) : (
        <button key="send" type="submit" className="btn btn-primary" disabled={text.trim() === "" || busy}>
          Send
        </button>
      )}
    </div>
  );
}
