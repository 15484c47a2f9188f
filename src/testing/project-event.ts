/**
 * Keeps the fake's stored state in step with the events it emits, the way the real server's
 * database is: a scripted turn's messages and parts are what `GET /session/:id/message` returns
 * afterwards (the hooks reconcile the streamed turn with it), its busy status is what
 * `GET /session/status` says, and asked questions and permissions are listed until answered.
 */
import type { PermissionRequest, QuestionRequest, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../core/api";
import type { FakeEvent } from "./fake-feed";
import type { FakeInstance } from "./fake-instance";

type Dict = Record<string, unknown>;
type Part = MessageWithParts["parts"][number];

const isDict = (value: unknown): value is Dict => typeof value === "object" && value !== null && !Array.isArray(value);

function upsertInfo(instance: FakeInstance, sessionId: string, info: MessageWithParts["info"]): void {
  const list = instance.messages.get(sessionId) ?? [];
  const index = list.findIndex((m) => m.info.id === info.id);
  if (index === -1) instance.messages.set(sessionId, [...list, { info, parts: [] }]);
  else instance.messages.set(sessionId, list.map((m, i) => (i === index ? { ...m, info } : m)));
}

function updateParts(instance: FakeInstance, sessionId: string, messageId: string, update: (parts: Part[]) => Part[]): void {
  const list = instance.messages.get(sessionId) ?? [];
  instance.messages.set(
    sessionId,
    list.map((m) => (m.info.id === messageId ? { ...m, parts: update(m.parts) } : m)),
  );
}

function upsertPart(parts: Part[], part: Part): Part[] {
  const index = parts.findIndex((p) => p.id === part.id);
  return index === -1 ? [...parts, part] : parts.map((p, i) => (i === index ? part : p));
}

function appendDelta(parts: Part[], partId: string, field: string, delta: string): Part[] {
  return parts.map((p) => {
    if (p.id !== partId) return p;
    const current: unknown = (p as unknown as Dict)[field];
    return { ...p, [field]: `${typeof current === "string" ? current : ""}${delta}` } as Part;
  });
}

function setStatus(instance: FakeInstance, sessionId: string, status: SessionStatus): void {
  const map = { ...instance.status };
  if (status.type === "idle") delete map[sessionId];
  else map[sessionId] = status;
  instance.status = map;
}

/**
 * Applies one emitted event to an instance's stored state. Unknown events change nothing.
 * @example projectEvent(fake.server.instance(), { type: "todo.updated", properties: { sessionID, todos } });
 */
export function projectEvent(instance: FakeInstance, event: FakeEvent): void {
  const props = event.properties ?? {};
  const sessionId = typeof props.sessionID === "string" ? props.sessionID : "";
  switch (event.type) {
    case "session.created":
    case "session.updated":
      if (isDict(props.info)) instance.sessions.set(sessionId, props.info as unknown as Session);
      return;
    case "session.status":
      if (isDict(props.status)) setStatus(instance, sessionId, props.status as unknown as SessionStatus);
      return;
    case "message.updated":
      if (isDict(props.info)) upsertInfo(instance, sessionId, props.info as unknown as MessageWithParts["info"]);
      return;
    case "message.part.updated": {
      const part = props.part;
      if (isDict(part) && typeof part.messageID === "string") updateParts(instance, sessionId, part.messageID, (parts) => upsertPart(parts, part as unknown as Part));
      return;
    }
    case "message.part.delta": {
      const { messageID, partID, field, delta } = props;
      if (typeof messageID === "string" && typeof partID === "string" && typeof field === "string" && typeof delta === "string")
        updateParts(instance, sessionId, messageID, (parts) => appendDelta(parts, partID, field, delta));
      return;
    }
    case "todo.updated":
      if (Array.isArray(props.todos)) instance.todos.set(sessionId, props.todos as Todo[]);
      return;
    case "permission.asked":
      instance.permissions = [...instance.permissions.filter((p) => p.id !== props.id), props as unknown as PermissionRequest];
      return;
    case "question.asked":
      instance.questions = [...instance.questions.filter((q) => q.id !== props.id), props as unknown as QuestionRequest];
      return;
    case "permission.replied":
      instance.permissions = instance.permissions.filter((p) => p.id !== props.requestID);
      return;
    case "question.replied":
    case "question.rejected":
      instance.questions = instance.questions.filter((q) => q.id !== props.requestID);
      return;
    default:
      return;
  }
}
