import { useState } from "react";
import type { PendingPermission } from "opencode-react";
import { Icon } from "./Icon";

type Reply = "once" | "always" | "reject";

interface PermissionPromptProps {
  request: PendingPermission;
  onReply: (reply: Reply, message?: string) => Promise<void>;
}

/** "The agent wants to run …": Allow once, Always, or Reject with an optional reason for the model. */
export function PermissionPrompt({ request, onReply }: PermissionPromptProps) {
  const [message, setMessage] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const command = typeof request.metadata.command === "string" ? request.metadata.command : request.patterns.join("  ");
  const reply = (kind: Reply) => {
    setBusy(true);
    // The hook drops the prompt at once; if the server refuses, it puts it back and reports the
    // error itself (PendingPrompts shows it), so the rejection needs no handling here.
    onReply(kind, kind === "reject" && message.trim() !== "" ? message.trim() : undefined)
      .catch(() => {})
      .finally(() => setBusy(false));
  };
  return (
    <div className="card prompt prompt-permission" data-testid="permission-prompt">
      <div className="prompt-head">
        <span className="prompt-icon">
          <Icon name="lock" size={18} />
        </span>
        <div>
          <strong>Permission needed: {request.permission}</strong>
          <div className="muted small">The agent is waiting for your decision.</div>
        </div>
      </div>
      {command && <pre className="tool-input">{command}</pre>}
      {rejecting && (
        <input
          className="input"
          autoFocus
          placeholder="Optional: tell the agent why (sent with the rejection)"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={(event) => event.key === "Enter" && reply("reject")}
        />
      )}
      <div className="prompt-actions">
        {rejecting ? (
          <>
            <button className="btn btn-danger" disabled={busy} onClick={() => reply("reject")}>
              Reject
            </button>
            <button className="btn btn-ghost" disabled={busy} onClick={() => setRejecting(false)}>
              Back
            </button>
          </>
        ) : (
          <>
            <button className="btn btn-primary" disabled={busy} onClick={() => reply("once")}>
              Allow once
            </button>
            <button className="btn" disabled={busy} onClick={() => reply("always")}>
              Always
            </button>
            <button className="btn btn-ghost danger-text" disabled={busy} onClick={() => setRejecting(true)}>
              Reject…
            </button>
          </>
        )}
      </div>
    </div>
  );
}
