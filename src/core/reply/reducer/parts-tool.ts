/**
 * Tool parts (TL-01..TL-10, TP-06..TP-10): the first snapshot registers the part, every later
 * one merges into it. A merge never removes a field, so an error snapshot with an empty title
 * keeps the title from "running", and a server renaming the tool "invalid" keeps the real name.
 */
import type { FilePart, ToolPart } from "@opencode-ai/sdk/v2";
import { drainParked } from "./question-link";
import { withPart, type ReplyState } from "./state";
import type { ReplyToolPart } from "./types";
import { isRecord, num, presentRecord, presentStr, str, type Dict } from "./wire";

/** Tool names whose parts `todo.updated` refreshes (TL-09). */
export const TODO_TOOLS: ReadonlySet<string> = new Set(["todowrite", "todoread"]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readToolTime(value: unknown): ReplyToolPart["time"] {
  if (!isRecord(value)) return undefined;
  const time: Mutable<NonNullable<ReplyToolPart["time"]>> = {};
  const start = num(value.start);
  const end = num(value.end);
  const compacted = num(value.compacted);
  if (start !== undefined) time.start = start;
  if (end !== undefined) time.end = end;
  if (compacted !== undefined) time.compacted = compacted;
  return start === undefined && end === undefined && compacted === undefined ? undefined : time;
}

/**
 * Merges one snapshot into a tool part (TP-06..TP-10). Exported for the final merge, which
 * builds wire parts with the same reading rules.
 */
export function mergeToolSnapshot(prev: ReplyToolPart, part: Dict): ReplyToolPart {
  const next: Mutable<ReplyToolPart> = { ...prev };
  const name = presentStr(part.tool);
  if (name !== undefined && name !== "invalid") next.tool = name;
  const toolState = part.state;
  const callID = presentStr(part.callID) ?? (isRecord(toolState) ? presentStr(toolState.callID) : undefined);
  const messageID = presentStr(part.messageID) ?? (isRecord(toolState) ? presentStr(toolState.messageID) : undefined);
  if (callID !== undefined) next.callID = callID;
  if (messageID !== undefined) next.messageID = messageID;
  // The snapshot was checked for id and type; the rest of ToolPart is the server's word.
  next.raw = part as unknown as ToolPart;
  if (!isRecord(toolState)) return next;
  const status = str(toolState.status);
  if (status !== undefined) next.status = status;
  const title = presentStr(toolState.title);
  if (title !== undefined) next.title = title;
  const output = presentStr(toolState.output);
  if (output !== undefined) next.output = output;
  const input = presentRecord(toolState.input);
  if (input !== undefined) next.input = input;
  const metadata = presentRecord(toolState.metadata);
  if (metadata !== undefined) next.metadata = metadata;
  const error = presentStr(toolState.error);
  if (error !== undefined) next.error = error;
  const time = readToolTime(toolState.time);
  if (time !== undefined) next.time = time;
  const attachments = toolState.attachments;
  if (Array.isArray(attachments) && attachments.length > 0) {
    next.attachments = attachments.filter(isRecord) as unknown as FilePart[];
  }
  return next;
}

/** A fresh tool part for a first snapshot: `{ type, id, tool, status }`, then the merge (TL-01). */
export function registerToolPart(id: string, part: Dict): ReplyToolPart {
  const toolState = part.state;
  // TL-05: a first snapshot that already says "invalid" keeps that name; there is nothing else.
  const base: ReplyToolPart = {
    type: "tool",
    id,
    tool: str(part.tool) ?? "",
    status: (isRecord(toolState) ? str(toolState.status) : undefined) ?? "",
  };
  return mergeToolSnapshot(base, part);
}

/** `message.part.updated` for a tool part. */
export function applyToolSnapshot(state: ReplyState, part: Dict, id: string): ReplyState {
  const existing = state.parts.get(id);
  if (existing && existing.type !== "tool") return state;
  const merged = existing ? mergeToolSnapshot(existing, part) : registerToolPart(id, part);
  const drained = drainParked(state, merged);
  const next = withPart(state, drained.part);
  const becameTodoTarget = !existing && TODO_TOOLS.has(drained.part.tool);
  if (drained.parked === state.parkedQuestions && !becameTodoTarget) return next;
  return {
    ...next,
    parkedQuestions: drained.parked,
    todoPartId: becameTodoTarget ? id : next.todoPartId,
  };
}
