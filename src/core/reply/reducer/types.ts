/**
 * Shapes of the reply state. Live parts are built from deltas and partial snapshots, so they are
 * light objects (the SDK's `Part` types require fields a delta-created part does not have yet);
 * each keeps the latest server snapshot it saw in `raw`.
 */
import type {
  AssistantMessage,
  FilePart,
  Part,
  QuestionInfo,
  ReasoningPart,
  TextPart,
  ToolPart,
  ToolState,
} from "@opencode-ai/sdk/v2";

/**
 * Fields every live part has. `messageID` is absent only on synthesised parts.
 * @example const ofMessage = listParts(state).filter((part) => part.messageID === "msg_1").map((part) => part.id);
 */
export interface ReplyPartBase {
  /** The server's part id (`prt_...`), or a generated id for a synthesised part. */
  readonly id: string;
  /** The assistant message the part belongs to. */
  readonly messageID?: string;
}

/**
 * A text part: deltas append to `text`; a non-blank snapshot replaces it.
 * @example const texts = listParts(state).filter((p): p is ReplyTextPart => p.type === "text").map((p) => p.text);
 */
export interface ReplyTextPart extends ReplyPartBase {
  readonly type: "text";
  readonly text: string;
  /** `end` is set once the server finished the part. */
  readonly time?: { readonly start?: number; readonly end?: number };
  /** The latest snapshot (its `text` may lag behind the deltas applied since). */
  readonly raw?: TextPart;
}

/**
 * A reasoning part; same rules as text. Reasoning deltas arrive with `field: "text"`.
 * @example const thinking = listParts(state).filter((p): p is ReplyReasoningPart => p.type === "reasoning");
 */
export interface ReplyReasoningPart extends ReplyPartBase {
  readonly type: "reasoning";
  readonly text: string;
  readonly time?: { readonly start?: number; readonly end?: number };
  readonly raw?: ReasoningPart;
}

/**
 * Status of a tool call: the SDK's four, or whatever string a server sends.
 * @example const busy = listParts(state).some((p) => p.type === "tool" && p.status === "running");
 */
export type ReplyToolStatus = ToolState["status"] | (string & {});

/**
 * The question a `question` tool part is waiting on (set by `question.asked`, Q-10/Q-12).
 * @example if (part.type === "tool" && part.question) await client.questions.reply(part.question.requestId, [["Yes"]]);
 */
export interface QuestionLink {
  readonly requestId: string;
  readonly messageID: string;
  readonly callID: string;
  readonly questions: readonly QuestionInfo[];
}

/**
 * A tool call, merged from successive snapshots (TP-06..TP-10): fields are only ever added or
 * replaced, never removed, and the tool name survives a rename to "invalid".
 * @example for (const tool of distill(state).toolParts) console.log(tool.tool, tool.status, tool.output ?? tool.error);
 */
export interface ReplyToolPart extends ReplyPartBase {
  readonly type: "tool";
  readonly tool: string;
  readonly status: ReplyToolStatus;
  readonly callID?: string;
  readonly title?: string;
  readonly input?: Readonly<Record<string, unknown>>;
  readonly output?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Error text, whole (the reference cuts it at 200 characters, TL-07). */
  readonly error?: string;
  readonly time?: { readonly start?: number; readonly end?: number; readonly compacted?: number };
  readonly attachments?: readonly FilePart[];
  /** Set on a `question` tool part once its `question.asked` was seen. */
  readonly question?: QuestionLink;
  /** The latest snapshot; absent on a part synthesised from `todo.updated`. */
  readonly raw?: ToolPart;
}

/**
 * Part types kept as they are (step boundaries, files, patches, ...): they never affect text.
 * @example const kind: ReplyOtherPartType = "step-finish";
 */
export type ReplyOtherPartType = Exclude<Part["type"], "text" | "reasoning" | "tool">;

/**
 * Any other known part, kept so a UI can show it.
 * @example if (part.type === "file") showAttachment(part.raw);
 */
export interface ReplyOtherPart extends ReplyPartBase {
  readonly type: ReplyOtherPartType;
  readonly raw: Part;
}

/**
 * One part of a reply. Narrow on `type`.
 * @example
 * if (part.type === "text") render(part.text);
 * else if (part.type === "tool") renderTool(part.tool, part.status, part.output);
 */
export type ReplyPart = ReplyTextPart | ReplyReasoningPart | ReplyToolPart | ReplyOtherPart;

/**
 * Token counts, summed over every step-finish of the turn (reasoning and cache included).
 * @example
 * const { input, output, cache }: TokenTotals = distill(state).tokens;
 * console.log(`${input} in / ${output} out, ${cache.read} cached`);
 */
export interface TokenTotals {
  readonly input: number;
  readonly output: number;
  readonly reasoning: number;
  readonly cache: { readonly read: number; readonly write: number };
}

/**
 * Running cost and token totals of a reply.
 * @example `${state.totals.tokens.input} in / ${state.totals.tokens.output} out, $${state.totals.cost}`
 */
export interface Totals {
  readonly cost: number;
  readonly tokens: TokenTotals;
}

/**
 * A todo item, canonical (`in-progress` becomes `in_progress`); extra server fields are kept.
 * @example state.todos.filter((t) => t.status === "in_progress")
 */
export interface Todo {
  readonly content: string;
  readonly status: string;
  readonly priority: string;
  readonly [key: string]: unknown;
}

/**
 * A question waiting for the user (`question.asked`).
 * @example Object.values(state.questions).map((q) => q.questions[0]?.question)
 */
export interface PendingQuestion {
  readonly id: string;
  readonly kind: "question";
  /** The session that asked: the reply's own, or a child session (a subagent of the task tool). */
  readonly sessionId: string;
  readonly questions: readonly QuestionInfo[];
  /** The tool call waiting on it. */
  readonly tool?: { readonly messageID: string; readonly callID: string };
  /** When it was asked (the reducer's `now`, epoch ms). */
  readonly askedAt: number;
  /** The event's properties as received. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * A permission request waiting for the user (`permission.asked`).
 * @example Object.values(state.permissions).map((p) => `${p.permission}: ${p.patterns.join(", ")}`)
 */
export interface PendingPermission {
  readonly id: string;
  readonly kind: "permission";
  /** The session that asked: the reply's own, or a child session. */
  readonly sessionId: string;
  /** What is asked, e.g. "bash" or "edit". */
  readonly permission: string;
  readonly patterns: readonly string[];
  readonly always: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly tool?: { readonly messageID: string; readonly callID: string };
  readonly askedAt: number;
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * The latest resolution of a question or permission, e.g. for answer-latency metrics.
 * @example
 * const last: ResolvedPrompt | null = state.lastResolved;
 * if (last?.askedAt != null) track(last.kind, last.resolvedAt - last.askedAt);
 */
export interface ResolvedPrompt {
  readonly id: string;
  /** Kind of the pending entry it resolved; null when the id was not pending. */
  readonly kind: "question" | "permission" | null;
  readonly outcome: "replied" | "rejected";
  /** Question answers (`question.replied`). */
  readonly answers?: readonly (readonly string[])[];
  /** Permission reply: "once" | "always" | "reject". */
  readonly reply?: string;
  /** When it was asked; null when the id was not pending. */
  readonly askedAt: number | null;
  readonly resolvedAt: number;
}

/**
 * The latest `session.status` of the session.
 * @example
 * const status: ReplySessionStatus = store.getState().sessionStatus;
 * if (status.type === "retry") showRetry(status.message, status.next);
 */
export type ReplySessionStatus =
  | { readonly type: "idle" }
  | { readonly type: "busy" }
  | {
      readonly type: "retry";
      readonly attempt: number | null;
      readonly message: string;
      /** Epoch ms of the next attempt, when the server said. */
      readonly next: number | null;
    };

/**
 * Turn phase: "idle" before any sign of a turn, "running", then "done" exactly once per turn.
 * @example if (state.turn === "done") console.log("turn ended by", state.endedBy);
 */
export type TurnPhase = "idle" | "running" | "done";

/**
 * Which event ended the turn.
 * @example const endedBy: TurnEndedBy | null = state.endedBy; // null until the turn ends
 */
export type TurnEndedBy = "session.status" | "session.idle";

/**
 * A stored assistant message info (`message.updated`, latest wins).
 * @example const cost = Object.values(state.messages).reduce((sum, info: ReplyMessageInfo) => sum + info.cost, 0);
 */
export type ReplyMessageInfo = AssistantMessage;
