/**
 * Shared pieces of the core e2e files (test/e2e/core-*.test.ts): following one turn on the feed
 * and reading typed fields out of wire events and messages without `any`.
 * Not a test file (vitest only collects *.test.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { opencodeVersion } from "../harness/ensure-opencode.mjs";
import type { MessageWithParts, OpencodeClient, PromptHandle, WireEvent } from "../../src/core";

/** The server version the harness starts (env OPENCODE_VERSION, else the pinned 1.18.33). */
export const SERVER_VERSION = opencodeVersion();
/** What the scripted "hello" turn streams, in 5 chunks (test/harness/fake-llm-turns.mjs). */
export const HELLO_TEXT = "Hello there! I am a fake model.";
/** What the scripted "slow" turn streams: 40 chunks, 250 ms apart (~10 s). */
export const SLOW_TEXT = Array.from({ length: 40 }, (_, i) => `slow${i} `).join("");

/** The proxy's request line of a prompt POST (`countRequests` patterns). */
export const PROMPT_POST = /^POST \/session\/[^/?]+\/prompt_async(\?|$)/;
/** The proxy's request line of an event feed connection. */
export const EVENT_GET = /^GET \/event(\?|$)/;
/** The proxy's request line of the shared all-directories feed. */
export const GLOBAL_EVENT_GET = /^GET \/global\/event(\?|$)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `obj.a.b.c` for unknown JSON, or undefined as soon as a step is not an object. */
export function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

/** A string field of an event's properties ("" when absent, so expectations print clearly). */
export function prop(event: WireEvent, ...keys: string[]): string {
  const value = field(event.properties, ...keys);
  return typeof value === "string" ? value : "";
}

/** A turn followed from its prompt: every event the session subscription received, in order. */
export interface Turn {
  events: WireEvent[];
  handle: PromptHandle;
  /** Resolves at the session's first `session.idle`; rejects after `timeoutMs` listing what came. */
  idle: Promise<WireEvent[]>;
  /** Event types received so far, for assertion messages. */
  types(): string[];
}

/**
 * Posts a prompt with `client.prompt` and records the session's events. `onEvent` runs for each
 * event after it is recorded (tests answer questions/permissions from there). The caller must
 * `handle.unsubscribe()` (the `idle` promise does not, so trailing events can still be read).
 */
export async function startTurn(
  client: OpencodeClient,
  sessionId: string,
  text: string,
  options: { onEvent?: (event: WireEvent) => void; timeoutMs?: number } = {},
): Promise<Turn> {
  const events: WireEvent[] = [];
  const types = (): string[] => events.map((event) => event.type);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let resolveIdle: (events: WireEvent[]) => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<WireEvent[]>((resolve, reject) => {
    resolveIdle = (received) => {
      clearTimeout(timer);
      resolve(received);
    };
    // A turn that never ends should fail with what did arrive, not with vitest's bare timeout.
    timer = setTimeout(
      () => reject(new Error(`no session.idle for ${sessionId} ("${text}") within ${timeoutMs} ms; got: ${types().join(",")}`)),
      timeoutMs,
    );
  });
  idle.catch(() => undefined); // awaited by the test; this only avoids an unhandled rejection if it is not
  const record = (event: WireEvent): void => {
    events.push(event);
    options.onEvent?.(event);
    if (event.type === "session.idle") resolveIdle(events);
  };
  let handle: PromptHandle;
  try {
    handle = await client.prompt(sessionId, { text }, { onEvent: record });
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
  return { events, handle, idle, types };
}

/** Runs a whole turn: prompt, wait for `session.idle`, unsubscribe; returns the events. */
export async function runTurn(client: OpencodeClient, sessionId: string, text: string, onEvent?: (event: WireEvent) => void): Promise<WireEvent[]> {
  const turn = await startTurn(client, sessionId, text, { onEvent });
  try {
    return await turn.idle;
  } finally {
    turn.handle.unsubscribe();
  }
}

/** The text parts of the assistant messages, joined: what a chat would show as the reply. */
export function assistantText(messages: MessageWithParts[]): string {
  return messages
    .filter((message) => message.info.role === "assistant")
    .flatMap((message) => message.parts)
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("");
}

/** Every tool part of the messages (the state holds status, output or error). */
export function toolParts(messages: MessageWithParts[]): { tool: string; state: unknown }[] {
  return messages.flatMap((message) => message.parts).flatMap((part) => (part.type === "tool" ? [{ tool: part.tool, state: part.state }] : []));
}

/** A fresh empty folder under the OS temp dir (a project the server has never seen); removed by the returned cleanup. */
export function tempProject(prefix: string): { dir: string; remove(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `opencode-e2e-${prefix}-`)));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Logs how long a file took, in the same parseable style as the harness file. */
export function fileTimer(name: string): () => void {
  const started = performance.now();
  return () => console.info(`OPENCODE_CORE_E2E_FILE_MS=${Math.round(performance.now() - started)} ${name}`);
}
