/** Event builders for the streaming hook tests, for any session (the reducer tests' builders are fixed to one). */
import type { WireEvent } from "../../src/core/events/types";

/** Builders of one session's events; the assistant message is `msg_a_<n>` of user message `msg_u_<n>`. */
export function sessionEvents(sessionId: string, n = 1) {
  const msg = `msg_a_${n}`;
  const user = `msg_u_${n}`;
  const ev = (type: string, properties: Record<string, unknown> = {}): WireEvent => ({ type, properties: { sessionID: sessionId, ...properties } });
  return {
    msg,
    user,
    ev,
    busy: () => ev("session.status", { status: { type: "busy" } }),
    idle: () => ev("session.status", { status: { type: "idle" } }),
    userMessage: () => ev("message.updated", { info: { id: user, role: "user", sessionID: sessionId, time: { created: 1 } } }),
    assistant: () =>
      ev("message.updated", { info: { id: msg, role: "assistant", sessionID: sessionId, parentID: user, cost: 0, tokens: {}, time: { created: 2 } } }),
    text: (partID: string, text: string) =>
      ev("message.part.updated", { part: { id: partID, sessionID: sessionId, messageID: msg, type: "text", text }, time: 1 }),
    delta: (partID: string, text: string) => ev("message.part.delta", { messageID: msg, partID, field: "text", delta: text }),
    question: (id: string) =>
      ev("question.asked", { id, questions: [{ question: "Which color?", header: "Color", options: [{ label: "Red", description: "red" }] }] }),
    questionReplied: (id: string) => ev("question.replied", { requestID: id, answers: [["Red"]] }),
    permission: (id: string) => ev("permission.asked", { id, permission: "bash", patterns: ["ls"], always: [], metadata: {} }),
  };
}

/** The stored form of a one-text-part turn, for `messages.list` after it ended. */
export function storedTextTurn(sessionId: string, text: string, n = 1, partID = "prt_text") {
  const msg = `msg_a_${n}`;
  const user = `msg_u_${n}`;
  return [
    { info: { id: user, sessionID: sessionId, role: "user", time: { created: 1 }, agent: "build", model: { providerID: "fake", modelID: "fake-model" } }, parts: [] },
    {
      info: {
        id: msg,
        sessionID: sessionId,
        role: "assistant",
        parentID: user,
        time: { created: 2, completed: 3 },
        modelID: "fake-model",
        providerID: "fake",
        mode: "build",
        agent: "build",
        path: { cwd: "/", root: "/" },
        cost: 0,
        tokens: { input: 1, output: 1, reasoning: 0, cache: { read: 0, write: 0 } },
      },
      parts: [{ id: partID, sessionID: sessionId, messageID: msg, type: "text", text }],
    },
  ];
}
