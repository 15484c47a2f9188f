/**
 * `todo.updated` (TODO-01..TODO-10, TD-01..TD-03, PS-01): the todo list is stored canonical, and
 * the latest todowrite/todoread part is refreshed with it, or, when there is none, one stream-only
 * todowrite part is synthesised. The server never stores that part, so the final merge keeps it
 * where it is.
 */
import { withPart, type ReplyState } from "./state";
import type { ReplyPart, ReplyToolPart, Todo } from "./types";
import { isBlank, isRecord, str, type Dict } from "./wire";

/**
 * `metadata.source` of a part that exists only in the stream.
 * @example part.type === "tool" && part.metadata?.source === TODO_SOURCE
 */
export const TODO_SOURCE = "todo.updated";

/**
 * True for a part that exists only in the stream (PS-01): `metadata.source` is "todo.updated".
 * @example listParts(state).filter(isStreamOnly)
 */
export function isStreamOnly(part: ReplyPart): boolean {
  return part.type === "tool" && part.metadata?.source === TODO_SOURCE;
}

/**
 * Canonical todo status (TD-01): `in-progress` becomes `in_progress`, every `-` becomes `_`,
 * null becomes "".
 * @example canonicalTodoStatus("not-started") // "not_started"
 */
export function canonicalTodoStatus(status: unknown): unknown {
  if (status === null) return "";
  return typeof status === "string" ? status.replaceAll("-", "_") : status;
}

/**
 * Canonical todo list (TD-02, TD-03): objects get their status mapped (a missing status stays
 * missing), anything else is kept as it is, and a missing list is [].
 * @example canonicalTodos([{ content: "a", status: "in-progress" }]) // [{ content: "a", status: "in_progress" }]
 */
export function canonicalTodos(list: unknown): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    isRecord(item) && "status" in item ? { ...item, status: canonicalTodoStatus(item.status) } : item,
  );
}

/** The typed list a UI reads: objects only, with string content, status and priority. */
function typedTodos(list: readonly unknown[]): Todo[] {
  return list.filter(isRecord).map((item: Dict) => ({
    ...item,
    content: str(item.content) ?? "",
    status: str(item.status) ?? "",
    priority: str(item.priority) ?? "",
  }));
}

function synthesisedId(state: ReplyState): string {
  let n = state.partIds.length;
  while (state.parts.has(`todo_${n}`)) n++;
  return `todo_${n}`;
}

/** `todo.updated`. A `todos` that is not a list changes nothing (TODO-06); a missing one is []. */
export function applyTodoUpdated(state: ReplyState, props: Dict): ReplyState {
  const raw = props.todos;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) return state;
  const canonical = canonicalTodos(raw);
  const todos = typedTodos(canonical);
  const target = state.todoPartId === null ? undefined : state.parts.get(state.todoPartId);
  if (target?.type === "tool") {
    // TODO-03/04: replace input.todos, keep other input keys and the title; status only if blank.
    const refreshed: ReplyToolPart = {
      ...target,
      input: { ...target.input, todos: canonical },
      status: isBlank(target.status) ? "completed" : target.status,
    };
    return { ...withPart(state, refreshed), todos };
  }
  const id = synthesisedId(state);
  const part: ReplyToolPart = {
    type: "tool",
    id,
    tool: "todowrite",
    status: "completed",
    input: { todos: canonical },
    metadata: { source: TODO_SOURCE },
  };
  return { ...withPart(state, part), todos, todoPartId: id };
}
