/**
 * Builders of OpenCode 1.x entities for seeding the fake server (and for tests): complete objects
 * of the real shapes with deterministic ids (`ses_fake…`, `msg_0000000…`), so ids the client or
 * the fake makes from the clock always sort after them.
 */
import type { PermissionRequest, QuestionRequest, Session, Todo } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../core/api";

let sequence = 0;
const next = (): string => String((sequence += 1)).padStart(12, "0");

/**
 * The next serial of seeded entities (12 digits, ascending): seeded ids sort before any id made
 * from the clock, by the client or by the fake's scripted turns.
 * @example `msg_${fakeSerial()}aaaaaaaaaaaaaa`
 */
export function fakeSerial(): string {
  return next();
}

/**
 * A session; `time.updated` grows with every call so newer sessions sort first.
 * @example const session = fakeSession({ title: "Refactor" });
 */
export function fakeSession(partial: Partial<Session> = {}): Session {
  const n = next();
  const now = 1_700_000_000_000 + sequence;
  return {
    id: `ses_fake${n}`,
    slug: `slug-${n}`,
    projectID: "global",
    directory: "/srv/project",
    title: `Session ${n}`,
    version: "1.18.33",
    time: { created: now, updated: now },
    ...partial,
  };
}

/**
 * A stored user message with one text part.
 * @example fake.server.instance().addMessages(session.id, fakeUserMessage(session.id, "hello"));
 */
export function fakeUserMessage(sessionId: string, text: string, id = `msg_${next()}aaaaaaaaaaaaaa`): MessageWithParts {
  return {
    info: { id, sessionID: sessionId, role: "user", time: { created: 1_700_000_000_000 }, agent: "build", model: { providerID: "fake", modelID: "fake-model" } },
    parts: [{ id: `prt_${next()}aaaaaaaaaaaaaa`, sessionID: sessionId, messageID: id, type: "text", text }],
  };
}

/**
 * A stored, finished assistant message answering `parentId`, with one text part.
 * @example fakeAssistantMessage(session.id, user.info.id, "Hi!")
 */
export function fakeAssistantMessage(sessionId: string, parentId: string, text: string, id = `msg_${next()}bbbbbbbbbbbbbb`): MessageWithParts {
  return {
    info: {
      id,
      sessionID: sessionId,
      role: "assistant",
      parentID: parentId,
      time: { created: 1_700_000_000_000, completed: 1_700_000_000_500 },
      modelID: "fake-model",
      providerID: "fake",
      mode: "build",
      agent: "build",
      path: { cwd: "/srv/project", root: "/srv/project" },
      cost: 0,
      tokens: { input: 1, output: 1, reasoning: 0, cache: { read: 0, write: 0 } },
      finish: "stop",
    },
    parts: [{ id: `prt_${next()}bbbbbbbbbbbbbb`, sessionID: sessionId, messageID: id, type: "text", text }],
  };
}

/**
 * A pending question request with one single-choice question.
 * @example fake.server.instance().questions.push(fakeQuestion(session.id));
 */
export function fakeQuestion(sessionId: string, partial: Partial<QuestionRequest> = {}): QuestionRequest {
  return {
    id: `que_${next()}`,
    sessionID: sessionId,
    questions: [{ question: "Which color?", header: "Color", options: [{ label: "Red", description: "red" }, { label: "Blue", description: "blue" }] }],
    ...partial,
  };
}

/**
 * A pending permission request for a bash command.
 * @example fake.server.instance().permissions.push(fakePermission(session.id, { patterns: ["rm -rf dist"] }));
 */
export function fakePermission(sessionId: string, partial: Partial<PermissionRequest> = {}): PermissionRequest {
  return { id: `per_${next()}`, sessionID: sessionId, permission: "bash", patterns: ["ls"], always: ["ls *"], metadata: {}, ...partial };
}

/**
 * A todo item.
 * @example fake.server.instance().todos.set(session.id, [fakeTodo("Write tests", "in_progress")]);
 */
export function fakeTodo(content: string, status = "pending"): Todo {
  return { content, status, priority: "medium" };
}
