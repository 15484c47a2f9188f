import type { ReplyToolPart } from "opencode-react";

/** Tools whose command and output ARE the story; other tools start folded. */
const SHELLS = new Set(["bash", "shell"]);

const STATUS_TEXT: Record<string, string> = { pending: "Pending", running: "Running", completed: "Completed", error: "Error" };

/** The call's input as a reader wants it: bash its command line, other tools their JSON. */
function describeInput(part: ReplyToolPart): string {
  const { description: _description, ...input } = part.input ?? {};
  if (typeof input.command === "string") return `$ ${input.command}`;
  const json = JSON.stringify(input, null, 2);
  return json === "{}" ? "" : json;
}

/** The header line: the server's title, else the description the model gave the call. */
function headline(part: ReplyToolPart): string {
  const description = part.input?.description;
  return part.title ?? (typeof description === "string" ? description : "");
}

/** A tool call with its status badge, input, output and error; click the header to fold or unfold. */
export function ToolCard({ part }: { part: ReplyToolPart }) {
  const input = describeInput(part);
  const status = part.status;
  return (
    <details className={`tool tool-${status}`} open={SHELLS.has(part.tool) || status === "error"} data-testid="tool-card" data-status={status} data-tool={part.tool}>
      <summary>
        <span className="tool-icon" aria-hidden>
          {status === "completed" ? "✓" : status === "error" ? "!" : "⚙"}
        </span>
        <span className="tool-name">{part.tool}</span>
        <span className="tool-title">{headline(part)}</span>
        <span className={`badge badge-${status}`}>
          {(status === "running" || status === "pending") && <span className="spinner" aria-hidden />}
          {STATUS_TEXT[status] ?? status}
        </span>
      </summary>
      <div className="tool-body">
        {input && <pre className="tool-input">{input}</pre>}
        {part.output !== undefined && <pre className="tool-output" data-testid="tool-output">{part.output || "(no output)"}</pre>}
        {part.error !== undefined && <pre className="tool-error-text">{part.error}</pre>}
      </div>
    </details>
  );
}
