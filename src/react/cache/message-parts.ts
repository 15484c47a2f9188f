/**
 * Pure updates of the parts of one cached message, and the event dispatcher for message events
 * (`message.updated`, `message.removed`, `message.part.updated`, `message.part.delta`,
 * `message.part.removed`). Parts stay sorted by id (ids are time-ordered).
 */
import type { Part } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../../core/api";
import type { WireEvent } from "../../core/events/types";
import { findMessage, removeMessage, updateMessageAt, upsertMessageInfo, type MessagePages } from "./message-pages";
import { readMessageInfo, readPart, str } from "./read";

/**
 * Inserts or replaces a part of a message (a snapshot is authoritative: it replaces any text the
 * deltas built). Returns the same message when the part is the same object.
 * @example upsertMessagePart(message, part)
 */
export function upsertMessagePart(message: MessageWithParts, part: Part): MessageWithParts {
  const parts = message.parts;
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    if (parts[i]?.id !== part.id) continue;
    if (parts[i] === part) return message;
    const next = parts.slice();
    next[i] = part;
    return { ...message, parts: next };
  }
  let position = parts.length;
  while (position > 0 && (parts[position - 1]?.id ?? "") > part.id) position -= 1;
  return { ...message, parts: [...parts.slice(0, position), part, ...parts.slice(position)] };
}

/**
 * Appends a delta to `part[field]` (in practice `text`). A delta for a part not seen yet is
 * dropped: its type is unknown (text or reasoning), and the part's next snapshot carries the
 * full text anyway.
 * @example appendPartDelta(message, "prt_1", "text", "lo")
 */
export function appendPartDelta(message: MessageWithParts, partId: string, field: string, delta: string): MessageWithParts {
  const parts = message.parts;
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (part?.id !== partId) continue;
    const current: unknown = (part as unknown as Record<string, unknown>)[field];
    if (current !== undefined && typeof current !== "string") return message;
    const next = parts.slice();
    next[i] = { ...part, [field]: (current ?? "") + delta } as Part;
    return { ...message, parts: next };
  }
  return message;
}

/**
 * Removes a part of a message.
 * @example removeMessagePart(message, "prt_1")
 */
export function removeMessagePart(message: MessageWithParts, partId: string): MessageWithParts {
  const index = message.parts.findIndex((part) => part.id === partId);
  return index === -1 ? message : { ...message, parts: message.parts.filter((_, i) => i !== index) };
}

function inMessage(data: MessagePages, messageId: string | undefined, update: (m: MessageWithParts) => MessageWithParts): MessagePages {
  const at = messageId === undefined ? undefined : findMessage(data, messageId);
  return at === undefined ? data : updateMessageAt(data, at, update);
}

/**
 * Applies one message event to the pages of its session; the same data for any other event or
 * when nothing changed. A part of a message the pages do not hold is dropped (the server sends
 * `message.updated` first; a reconnect refetch covers the rest).
 * @example patchMessagePages(data, { type: "message.part.delta", properties: { messageID, partID, field: "text", delta: "Hi" } })
 */
export function patchMessagePages(data: MessagePages, event: WireEvent): MessagePages {
  const p = event.properties;
  switch (event.type) {
    case "message.updated": {
      const info = readMessageInfo(event);
      return info === undefined ? data : upsertMessageInfo(data, info);
    }
    case "message.removed": {
      const messageId = str(p.messageID);
      return messageId === undefined ? data : removeMessage(data, messageId);
    }
    case "message.part.updated": {
      const part = readPart(event);
      return part === undefined ? data : inMessage(data, part.messageID, (m) => upsertMessagePart(m, part));
    }
    case "message.part.delta": {
      const partId = str(p.partID);
      const field = str(p.field);
      const delta = str(p.delta);
      if (partId === undefined || field === undefined || delta === undefined || delta === "") return data;
      return inMessage(data, str(p.messageID), (m) => appendPartDelta(m, partId, field, delta));
    }
    case "message.part.removed": {
      const partId = str(p.partID);
      return partId === undefined ? data : inMessage(data, str(p.messageID), (m) => removeMessagePart(m, partId));
    }
    default:
      return data;
  }
}
