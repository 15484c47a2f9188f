/**
 * Session status, turn phase and session errors (STS-01..STS-06). The server ends a turn with
 * `session.status` idle followed by the legacy `session.idle`, and after an abort sends that pair
 * twice; the turn moves to "done" once, so a store reacting to `turnsEnded` reacts exactly once.
 */
import { SessionError } from "../../errors";
import type { ReplyState } from "./state";
import { patchState } from "./state-copy";
import type { ReplySessionStatus, TurnEndedBy } from "./types";
import { isRecord, num, presentStr, str, type Dict } from "./wire";

/**
 * Server error name of an abort: expected after `POST /abort`, not a failure.
 * @example if (info.error?.name === ABORT_ERROR_NAME) showStopped();
 */
export const ABORT_ERROR_NAME = "MessageAbortedError";

/** Assistant activity before any status (servers without `session.status`) starts the turn. */
export function markActive(state: ReplyState): ReplyState {
  return state.turn === "idle" ? patchState(state, { turn: "running" }) : state;
}

function endTurn(state: ReplyState, by: TurnEndedBy): ReplyState {
  const status: ReplySessionStatus = state.status.type === "idle" ? state.status : { type: "idle" };
  if (state.turn !== "running") return status === state.status ? state : patchState(state, { status });
  return patchState(state, { status, turn: "done", turnsEnded: state.turnsEnded + 1, endedBy: by });
}

function sameStatus(a: ReplySessionStatus, b: ReplySessionStatus): boolean {
  if (a.type !== "retry" || b.type !== "retry") return a.type === b.type;
  return a.attempt === b.attempt && a.message === b.message && a.next === b.next;
}

/** `session.status`: busy and retry mean the turn runs; idle ends it. Unknown types are ignored. */
export function applySessionStatus(state: ReplyState, props: Dict): ReplyState {
  // Some servers send the bare string ("idle") instead of `{ type: "idle" }`.
  const raw = typeof props.status === "string" ? { type: props.status } : props.status;
  if (!isRecord(raw)) return state;
  let status: ReplySessionStatus;
  switch (raw.type) {
    case "idle":
      return endTurn(state, "session.status");
    case "busy":
      status = { type: "busy" };
      break;
    case "retry":
      // STS-02: a retry without attempt or message still counts.
      status = {
        type: "retry",
        attempt: num(raw.attempt) ?? null,
        message: str(raw.message) ?? "",
        next: num(raw.next) ?? null,
      };
      break;
    default:
      return state;
  }
  if (sameStatus(status, state.status) && state.turn === "running") return state;
  return patchState(state, { status: sameStatus(status, state.status) ? state.status : status, turn: "running" });
}

/** Legacy `session.idle`: ends the turn unless the idle status already did. */
export function applySessionIdle(state: ReplyState): ReplyState {
  return endTurn(state, "session.idle");
}

/**
 * Readable text of a server error: "Name: message", leaving out blank halves (STS-04, STS-05).
 * @example errorText({ name: "APIError", data: { message: "boom" } }) // "APIError: boom"
 */
export function errorText(error: unknown): string {
  if (!isRecord(error)) return "";
  const name = presentStr(error.name);
  const message = isRecord(error.data) ? presentStr(error.data.message) : undefined;
  return [name, message].filter((s) => s !== undefined).join(": ");
}

/**
 * `session.error`: a failure becomes a {@link SessionError}; an abort only sets `aborted`. Neither
 * adds a part or ends the turn (STS-06): the idle status that follows does.
 */
export function applySessionError(state: ReplyState, props: Dict): ReplyState {
  const raw = isRecord(props.error) ? props.error : {};
  const name = str(raw.name) ?? "";
  if (name === ABORT_ERROR_NAME) return state.aborted ? state : patchState(state, { aborted: true });
  return patchState(state, { error: new SessionError(name, errorText(raw), { body: raw }) });
}
