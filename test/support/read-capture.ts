/**
 * Reads a recorded capture (fixtures/opencode-<version>/<name>.sse + .messages.json). The SSE
 * parsing here is deliberately naive (split on blank lines, strip "data: "): the captures are
 * well-formed, and the real parser is tested on its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { WireEvent } from "../../src/core/events/types";

/** One capture: the events of its `/event` connection and the stored messages afterwards. */
export interface Capture {
  readonly name: string;
  readonly events: readonly WireEvent[];
  readonly messages: readonly unknown[];
}

/** Parses raw SSE text into events (frames without data or with non-JSON data are skipped). */
export function parseSse(text: string): WireEvent[] {
  const events: WireEvent[] = [];
  for (const frame of text.split("\n\n")) {
    const data = frame
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    if (data === "") continue;
    events.push(JSON.parse(data) as WireEvent);
  }
  return events;
}

/** Names of the captures in `dir` that have both a .sse and a .messages.json file. */
export function captureNames(dir: URL): string[] {
  const files = new Set(readdirSync(dir));
  return [...files]
    .filter((f) => f.endsWith(".sse"))
    .map((f) => f.slice(0, -".sse".length))
    .filter((name) => files.has(`${name}.messages.json`))
    .sort();
}

/** Reads one capture from `dir`. */
export function readCapture(dir: URL, name: string): Capture {
  const events = parseSse(readFileSync(new URL(`${name}.sse`, dir), "utf8"));
  const messages = JSON.parse(readFileSync(new URL(`${name}.messages.json`, dir), "utf8")) as unknown[];
  return { name, events, messages };
}
