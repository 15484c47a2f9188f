import type { ReplyPart } from "opencode-react";
import { Icon } from "./Icon";
import { ReasoningBlock } from "./ReasoningBlock";
import { ToolCard } from "./ToolCard";

/** True for parts that render something (step boundaries and snapshots do not). */
export function isVisiblePart(part: ReplyPart): boolean {
  return part.type === "text" ? part.text.trim() !== "" : part.type === "reasoning" || part.type === "tool" || part.type === "file" || part.type === "patch";
}

/** The parts of a reply in order, live or stored. `streaming` marks the tail as in progress. */
export function PartList({ parts, streaming = false }: { parts: readonly ReplyPart[]; streaming?: boolean }) {
  const visible = parts.filter(isVisiblePart);
  return (
    <>
      {visible.map((part, index) => {
        const last = streaming && index === visible.length - 1;
        switch (part.type) {
          case "text":
            return (
              <div key={part.id} className={`text${last ? " caret" : ""}`} data-testid="text-part">
                {part.text}
              </div>
            );
          case "reasoning":
            return <ReasoningBlock key={part.id} text={part.text} streaming={last} />;
          case "tool":
            return <ToolCard key={part.id} part={part} />;
          case "file":
            return (
              <div key={part.id} className="chip">
                <Icon name="clip" size={13} /> {part.raw.type === "file" ? (part.raw.filename ?? part.raw.mime) : "file"}
              </div>
            );
          case "patch":
            return (
              <div key={part.id} className="chip">
                <Icon name="edit" size={13} /> changed {part.raw.type === "patch" ? part.raw.files.length : 0} file(s)
              </div>
            );
          default:
            return null;
        }
      })}
    </>
  );
}
