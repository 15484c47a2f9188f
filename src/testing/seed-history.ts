/**
 * Seeded history: builders of stored user and assistant messages (text, reasoning, tool calls,
 * attached files) for `fake.addSession({ title, messages })`, so a test or story shows a long
 * conversation at once. The builders make plain drafts; the session, ids (ascending, older than
 * anything the clock makes) and parent links are filled in when the session is seeded.
 */
import type { Part } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../core/api";
import { fakeAssistantMessage, fakeSerial, fakeUserMessage } from "./fake-entities";

/**
 * A file attached to a user message.
 * @example const file: SeedFile = { filename: "notes.md", mime: "text/markdown", url: "file:///repo/notes.md" };
 */
export interface SeedFile {
  filename: string;
  mime?: string;
  /** Default `file:///srv/project/<filename>`. */
  url?: string;
}

/**
 * A finished tool call of an assistant message.
 * @example const call: SeedTool = { tool: "bash", input: { command: "ls" }, output: "README.md\n" };
 */
export interface SeedTool {
  tool: string;
  input?: Record<string, unknown>;
  /** The output of a completed call. */
  output?: string;
  /** Set to make it a failed call with this error. */
  error?: string;
  title?: string;
}

/**
 * A message to seed, made by {@link history}.
 * @example const seed: SeedMessage = history.user("hello");
 */
export type SeedMessage =
  | { readonly role: "user"; readonly text: string; readonly files?: readonly SeedFile[] }
  | { readonly role: "assistant"; readonly text?: string; readonly reasoning?: string; readonly tools?: readonly SeedTool[] };

/**
 * Builders of seeded messages.
 * @example
 * fake.addSession({
 *   title: "Refactor",
 *   messages: [
 *     history.user("List the files", { files: [{ filename: "notes.md" }] }),
 *     history.assistant({ tools: [{ tool: "bash", input: { command: "ls" }, output: "README.md\n" }], text: "One file." }),
 *     ...history.conversation(100),
 *   ],
 * });
 */
export const history = {
  /** A user message: its text and attached files. */
  user: (text: string, options: { files?: readonly SeedFile[] } = {}): SeedMessage => ({ role: "user", text, ...options }),
  /** A finished assistant message: reasoning, then tool calls, then text (any may be omitted). */
  assistant: (options: { text?: string; reasoning?: string; tools?: readonly SeedTool[] } | string): SeedMessage =>
    typeof options === "string" ? { role: "assistant", text: options } : { role: "assistant", ...options },
  /** `exchanges` question/answer pairs ("Question 1" / "Answer 1"…): 2 × exchanges messages. */
  conversation: (exchanges: number): SeedMessage[] =>
    Array.from({ length: exchanges }, (_, i) => [history.user(`Question ${i + 1}`), history.assistant(`Answer ${i + 1}`)]).flat(),
} as const;

const BASE_TIME = 1_700_000_000_000;

function toolPart(sessionId: string, messageId: string, call: SeedTool, at: number): Part {
  const input = call.input ?? {};
  const time = { start: at, end: at + 100 };
  const state =
    call.error !== undefined
      ? { status: "error" as const, input, error: call.error, time }
      : { status: "completed" as const, input, output: call.output ?? "", title: call.title ?? call.tool, metadata: {}, time };
  return { id: `prt_${fakeSerial()}tttttttttttttt`, sessionID: sessionId, messageID: messageId, type: "tool", callID: `call_${fakeSerial()}`, tool: call.tool, state };
}

/**
 * Turns drafts into stored messages of `sessionId`: ascending ids, times a second apart, each
 * assistant message answering the user message before it.
 * @example instance.addMessages(session.id, ...seedMessages(session.id, history.conversation(10)));
 */
export function seedMessages(sessionId: string, seeds: readonly SeedMessage[]): MessageWithParts[] {
  let parentId = "";
  return seeds.map((seed, index) => {
    const at = BASE_TIME + index * 1000;
    if (seed.role === "user") {
      const message = fakeUserMessage(sessionId, seed.text);
      message.info.time = { created: at };
      parentId = message.info.id;
      for (const file of seed.files ?? []) {
        const url = file.url ?? `file:///srv/project/${file.filename}`;
        message.parts.push({ id: `prt_${fakeSerial()}ffffffffffffff`, sessionID: sessionId, messageID: message.info.id, type: "file", mime: file.mime ?? "text/plain", filename: file.filename, url });
      }
      return message;
    }
    const message = fakeAssistantMessage(sessionId, parentId, seed.text ?? "");
    if (message.info.role === "assistant") message.info.time = { created: at, completed: at + 500 };
    // Parts in id order (the hooks may sort by id): reasoning, tools, text.
    const parts: Part[] = [];
    if (seed.reasoning !== undefined) {
      parts.push({ id: `prt_${fakeSerial()}rrrrrrrrrrrrrr`, sessionID: sessionId, messageID: message.info.id, type: "reasoning", text: seed.reasoning, time: { start: at, end: at + 100 } });
    }
    for (const call of seed.tools ?? []) parts.push(toolPart(sessionId, message.info.id, call, at));
    if (seed.text !== undefined) parts.push({ id: `prt_${fakeSerial()}xxxxxxxxxxxxxx`, sessionID: sessionId, messageID: message.info.id, type: "text", text: seed.text });
    message.parts = parts;
    return message;
  });
}
