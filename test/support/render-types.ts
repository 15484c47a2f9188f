/**
 * Renders events in the format of the fixtures' `*.types.txt`: one line per event type, with a
 * qualifier in parentheses for the types whose meaning depends on a field, and runs of identical
 * consecutive lines collapsed into `line xN`. The qualifiers:
 *   message.updated(<info.role>[,completed][,error=<info.error.name>])  (completed: info.time.completed set)
 *   message.part.updated(<part.type>), or (tool:<part.tool>:<part.state.status>) for tool parts
 *   message.part.delta(<field>)
 *   session.status(<status.type>)
 */
import type { WireEvent } from "../../src/core/events/types";

function get(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** One event's line, without the run count. */
export function typeLabel(event: WireEvent): string {
  const p = event.properties;
  switch (event.type) {
    case "message.updated": {
      const qualifiers = [String(get(p, "info", "role"))];
      if (get(p, "info", "time", "completed") !== undefined) qualifiers.push("completed");
      const error = get(p, "info", "error", "name");
      if (error !== undefined) qualifiers.push(`error=${String(error)}`);
      return `${event.type}(${qualifiers.join(",")})`;
    }
    case "message.part.updated": {
      const type = String(get(p, "part", "type"));
      if (type !== "tool") return `${event.type}(${type})`;
      return `${event.type}(tool:${String(get(p, "part", "tool"))}:${String(get(p, "part", "state", "status"))})`;
    }
    case "message.part.delta":
      return `${event.type}(${String(p.field)})`;
    case "session.status":
      return `${event.type}(${String(get(p, "status", "type"))})`;
    default:
      return event.type;
  }
}

/** The whole `*.types.txt` text for a sequence of events (each line ends with "\n"). */
export function renderTypes(events: readonly WireEvent[]): string {
  let out = "";
  let previous: string | undefined;
  let count = 0;
  const flush = (): void => {
    if (previous !== undefined) out += count > 1 ? `${previous} x${count}\n` : `${previous}\n`;
  };
  for (const event of events) {
    const label = typeLabel(event);
    if (label === previous) {
      count++;
      continue;
    }
    flush();
    previous = label;
    count = 1;
  }
  flush();
  return out;
}
