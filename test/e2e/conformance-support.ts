/**
 * The pieces of the live conformance test (conformance-live.test.ts): one scripted turn played
 * through any OpencodeClient (on the real server or on the testing kit's fake), recorded, and
 * reduced to what both servers must agree on. Not a test file (vitest only collects *.test.ts).
 */
import type { MessageWithParts, OpencodeClient, WireEvent } from "../../src/core";
import { field, prop } from "./core-support";

/** One scripted turn: the prompt (a keyword both the scripted model and the fake route on) and what the user does meanwhile. */
export interface ConformanceCase {
  name: string;
  prompt: string;
  /** Answers the first `asked` event of this type (permission.asked / question.asked). */
  answer?: { asked: string; reply(client: OpencodeClient, asked: WireEvent): Promise<unknown> };
  /** Presses Stop at the first streamed delta. */
  abortAtFirstDelta?: boolean;
}

/** What one side recorded: the session's events from the prompt to the turn's end, and the stored messages. */
export interface Recording {
  events: WireEvent[];
  messages: MessageWithParts[];
}

/**
 * The turn has ended: a `session.idle` came after the last assistant `message.updated`, and every
 * assistant message seen is completed. A structural end, the same for both servers: an abort or a
 * provider error sends a first idle before the message is completed and a second one after it.
 */
export function turnEnded(events: readonly WireEvent[]): boolean {
  const completed = new Map<string, boolean>();
  let lastAssistant = -1;
  let lastIdle = -1;
  events.forEach((event, index) => {
    if (event.type === "session.idle") lastIdle = index;
    if (event.type === "message.updated" && prop(event, "info", "role") === "assistant") {
      completed.set(prop(event, "info", "id"), field(event.properties, "info", "time", "completed") !== undefined);
      lastAssistant = index;
    }
  });
  return lastIdle > lastAssistant && [...completed.values()].every(Boolean);
}

/**
 * Plays `c` on `client` in a new session: prompts (subscribe, wait for the feed, POST
 * prompt_async), answers or aborts when asked to, waits for the turn's end, then reads
 * `GET /session/:id/message`.
 */
export async function play(client: OpencodeClient, c: ConformanceCase, timeoutMs = 30_000): Promise<Recording> {
  const session = await client.sessions.create({ title: `conformance ${c.name}` });
  const events: WireEvent[] = [];
  const pending: Array<Promise<unknown>> = [];
  let answered = false;
  let aborted = false;
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const onEvent = (event: WireEvent): void => {
    events.push(event);
    if (c.answer !== undefined && !answered && event.type === c.answer.asked) {
      answered = true;
      pending.push(c.answer.reply(client, event));
    }
    if (c.abortAtFirstDelta === true && !aborted && event.type === "message.part.delta") {
      aborted = true;
      pending.push(client.sessions.abort(session.id));
    }
    if (turnEnded(events)) ended();
  };
  const handle = await client.prompt(session.id, { text: c.prompt }, { onEvent });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      end,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${c.name}: the turn did not end within ${timeoutMs} ms; got ${events.map((e) => e.type).join(", ")}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    handle.unsubscribe();
  }
  await Promise.all(pending);
  const { items } = await client.messages.list(session.id);
  return { events: [...events], messages: items };
}

/**
 * Events left out of the comparison, each for a reason:
 * - `server.connected` / `server.heartbeat`: connection-level (every session subscription gets
 *   them), not part of a turn; heartbeats come on a 10 s timer.
 * - `session.created` / `session.updated`: the session record's bookkeeping (`time.updated` bumps,
 *   the title): the real server sends them whenever it touches the record, a number of times and at
 *   places that vary with its background work; the fake only sends them for explicit session
 *   changes. No reply state depends on them.
 * - `session.diff`: the file-change summary the real server recomputes at each step and after the
 *   turn (empty here: no scripted turn edits a file); the fake has no files.
 */
const LEFT_OUT = new Set(["server.connected", "server.heartbeat", "session.created", "session.updated", "session.diff"]);

/**
 * The compared sequence of a recording: one label per event (type, and the detail a UI reacts
 * to), left-outs dropped, the user message announced once, runs of deltas of one part folded.
 */
export function sequence(events: readonly WireEvent[]): string[] {
  const partTypes = new Map<string, string>();
  const announced = new Set<string>();
  const labels: string[] = [];
  let userAnnounced = false;
  for (const event of events) {
    if (LEFT_OUT.has(event.type)) continue;
    const label = labelOf(event, partTypes, announced);
    if (label === "message.updated:user") {
      // The real server re-sends the user message after each step with its diff `summary`
      // (the same bookkeeping as session.diff): the first announcement is the one a chat shows.
      if (userAnnounced) continue;
      userAnnounced = true;
    }
    // Every model chunk is one delta: their number depends on how the chunks were cut and read.
    if (label.startsWith("message.part.delta") && labels.at(-1) === label) continue;
    labels.push(label);
  }
  // A tool that asks (bash asking permission, the question tool) publishes its `*.asked` event
  // from the tool's own code, while the agent loop publishes the part's "running" update: the
  // real server sends the two in either order (seen in live runs and in the two permission
  // captures). Compare the pair in one order.
  for (let i = 1; i < labels.length; i += 1) {
    if (/^(permission|question)\.asked(:|$)/.test(labels[i - 1] ?? "") && /^message\.part\.updated:tool:.*:running$/.test(labels[i] ?? "")) {
      labels.splice(i - 1, 2, labels[i] ?? "", labels[i - 1] ?? "");
    }
  }
  return labels;
}

function labelOf(event: WireEvent, partTypes: Map<string, string>, announced: Set<string>): string {
  switch (event.type) {
    case "session.status":
      return `session.status:${prop(event, "status", "type")}`;
    case "session.error":
      return `session.error:${prop(event, "error", "name")}`;
    case "message.updated": {
      const info = field(event.properties, "info");
      const id = prop(event, "info", "id");
      // The real server keeps a step's message as one object it mutates, and serialises an event
      // only when it writes it to the stream: when the reader lags (a busy machine), the first
      // announcement of a step can already carry the step's completion (or error). So a
      // message's first update is compared by its role only; its later updates in full.
      const first = !announced.has(id);
      announced.add(id);
      if (first) return `message.updated:${prop(event, "info", "role")}`;
      const completed = field(info, "time", "completed") !== undefined ? ":completed" : "";
      const error = prop(event, "info", "error", "name");
      return `message.updated:${prop(event, "info", "role")}${completed}${error ? `:${error}` : ""}`;
    }
    case "message.part.updated": {
      const type = prop(event, "part", "type");
      partTypes.set(prop(event, "part", "id"), type);
      const tool = type === "tool" ? `:${prop(event, "part", "tool")}:${prop(event, "part", "state", "status")}` : "";
      return `message.part.updated:${type}${tool}`;
    }
    case "message.part.delta":
      return `message.part.delta:${partTypes.get(prop(event, "partID")) ?? "?"}.${prop(event, "field")}`;
    case "permission.asked":
      return `permission.asked:${prop(event, "permission")}:${String(field(event.properties, "patterns"))}`;
    case "question.asked":
      return `question.asked:${((field(event.properties, "questions") as Array<{ header?: string }> | undefined) ?? []).map((q) => q.header).join(",")}`;
    case "question.replied":
      return `question.replied:${JSON.stringify(field(event.properties, "answers"))}`;
    case "permission.replied":
      return `permission.replied:${prop(event, "reply")}`;
    case "todo.updated":
      return `todo.updated:${(field(event.properties, "todos") as unknown[] | undefined)?.length ?? 0}`;
    default:
      return event.type;
  }
}

/**
 * The stored messages without ids, times, costs or token counts: each message's role, agent,
 * model, finish reason and error, and each part's type with its content (text, tool name, state,
 * output or error, step-finish reason). `aborted` stands for text cut short by an abort, whose
 * length depends on when the abort landed.
 */
export function shape(messages: readonly MessageWithParts[], cut?: { full: string }) {
  return messages.map(({ info, parts }) => {
    const aborted = prop({ type: "", properties: { info } }, "info", "error", "name") === "MessageAbortedError";
    return {
      // Which fields are there (values aside): the user message's `summary` is left out, the
      // diff summary the real server writes onto it after each step (see session.diff).
      fields: [keysOf(info, ["summary"]), keysOf(info.time), ...parts.map((part) => `${part.type}(${keysOf(part)})${"state" in part ? `{${keysOf(part.state)}}` : ""}`)],
      role: info.role,
      agent: field(info, "agent"),
      model: info.role === "assistant" ? `${info.providerID}/${info.modelID}` : `${field(info, "model", "providerID")}/${field(info, "model", "modelID")}`,
      finish: field(info, "finish"),
      error: field(info, "error", "name"),
      errorMessage: field(info, "error", "data", "message"),
      parts: parts.map((part) => {
        if (part.type === "text" || part.type === "reasoning") {
          const cutShort = aborted && cut !== undefined && part.text !== "" && cut.full.startsWith(part.text);
          return `${part.type}:${cutShort ? "(a prefix of the stream)" : part.text}`;
        }
        if (part.type === "tool") {
          const state = part.state as { status: string; output?: string; error?: string };
          return `tool:${part.tool}:${state.status}:${state.output ?? state.error ?? ""}`;
        }
        if (part.type === "step-finish") return `step-finish:${part.reason}`;
        return part.type;
      }),
    };
  });
}

function keysOf(value: object, except: readonly string[] = []): string {
  return Object.keys(value)
    .filter((key) => !except.includes(key))
    .sort()
    .join(",");
}

/**
 * Each compared event type with the fields of its properties (values aside), once per distinct
 * combination: the shapes a client must read, left-outs dropped as in {@link sequence}.
 */
export function eventFields(events: readonly WireEvent[]): string[] {
  const seen = new Set<string>();
  for (const event of events) if (!LEFT_OUT.has(event.type)) seen.add(`${event.type}(${keysOf(event.properties)})`);
  return [...seen].sort();
}
