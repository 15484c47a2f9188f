/** Message, part and live-turn fixtures for the pure chat-list tests. */
import type { AssistantMessage, Part, UserMessage } from "@opencode-ai/sdk/v2";
import type { LiveTurn } from "../../src/react/chat/live-turn";
import { ZERO_TOTALS } from "../../src/core/reply/reducer/state";

export const user = (id: string, created: number): UserMessage =>
  ({ id, sessionID: "ses_1", role: "user", time: { created }, agent: "build", model: { providerID: "p", modelID: "m" } }) as UserMessage;
export const assistant = (id: string, created: number, parentID: string, completed?: number): AssistantMessage =>
  ({ id, sessionID: "ses_1", role: "assistant", parentID, time: { created, completed }, cost: 0, tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } }, modelID: "m", providerID: "p", mode: "build", agent: "build", path: { cwd: "/", root: "/" } }) as AssistantMessage;
export const text = (id: string, messageID: string, value: string): Part => ({ id, messageID, sessionID: "ses_1", type: "text", text: value }) as Part;

/** A live turn (idle, empty) with `partial` over it. */
export function liveTurn(partial: Partial<LiveTurn> = {}): LiveTurn {
  return {
    status: "idle",
    error: null,
    sessionStatus: { type: "idle" },
    watchdog: { lastEventAt: null, deadlineAt: null, deadlineKind: null, firstEventMs: 120_000, idleMs: null, turnMs: 600_000 },
    todos: [],
    totals: ZERO_TOTALS,
    aborted: false,
    assistants: {},
    partsByMessage: new Map(),
    ...partial,
  };
}
