/**
 * Events with missing or mistyped fields (an older or newer server, a proxy that mangles a frame)
 * leave every cache as it was: no junk entry in a list, no `undefined` key in the status map, no
 * throw. The project's rule is "unknown events and fields are ignored"; mutation testing of
 * src/react/cache showed the guards in read.ts and apply-event.ts had no test.
 */
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { applyEventToCache } from "../../src/react/cache/apply-event";
import type { MessagePages } from "../../src/react/cache/message-pages";
import { opencodeKeys } from "../../src/query/keys";
import { fakeAssistantMessage, fakePermission, fakeQuestion, fakeSession, fakeTodo, fakeUserMessage } from "../support/fake-opencode-data";

const scope = { baseUrl: "http://127.0.0.1:4096", directory: undefined, workspace: undefined };
const SID = "ses_malformed";

function seededCaches() {
  const queryClient = new QueryClient();
  const session = fakeSession({ id: SID } as never);
  const user = fakeUserMessage(SID, "hi");
  const reply = fakeAssistantMessage(SID, user.info.id, "Hello");
  const keys = [
    opencodeKeys.sessionList(scope, {}),
    opencodeKeys.session(scope, SID),
    opencodeKeys.status(scope),
    opencodeKeys.messages(scope, SID),
    opencodeKeys.todos(scope, SID),
    opencodeKeys.questions(scope),
    opencodeKeys.permissions(scope),
  ];
  queryClient.setQueryData(keys[0] ?? [], [session]);
  queryClient.setQueryData(keys[1] ?? [], session);
  queryClient.setQueryData(keys[2] ?? [], { [SID]: { type: "busy" } });
  queryClient.setQueryData<MessagePages>(keys[3] ?? [], { pages: [{ items: [user, reply], nextCursor: undefined }], pageParams: [undefined] });
  queryClient.setQueryData(keys[4] ?? [], [fakeTodo("keep me")]);
  queryClient.setQueryData(keys[5] ?? [], [fakeQuestion(SID)]);
  queryClient.setQueryData(keys[6] ?? [], [fakePermission(SID)]);
  const snapshot = () => keys.map((key) => queryClient.getQueryData(key));
  return { queryClient, reply, snapshot };
}

describe("malformed events", () => {
  it("change no cache and throw nothing", () => {
    const { queryClient, reply, snapshot } = seededCaches();
    const part = reply.parts[0];
    const before = snapshot();
    const events: Array<{ type: string; properties: Record<string, unknown> }> = [
      // sessions: no info, info not an object, an array, no id, a numeric id
      { type: "session.created", properties: {} },
      { type: "session.updated", properties: { info: "ses_x" } },
      { type: "session.updated", properties: { info: [{ id: "ses_x" }] } },
      { type: "session.updated", properties: { info: { title: "no id" } } },
      { type: "session.updated", properties: { info: { id: 42, title: "numeric id" } } },
      { type: "session.updated", properties: { info: null } },
      { type: "session.deleted", properties: { info: { title: "no id" } } },
      // status: no session, no status, a status without a type, a string status
      { type: "session.status", properties: { status: { type: "idle" } } },
      { type: "session.status", properties: { sessionID: SID } },
      { type: "session.status", properties: { sessionID: SID, status: { attempt: 1 } } },
      { type: "session.status", properties: { sessionID: SID, status: "idle" } },
      { type: "session.idle", properties: {} },
      // messages and parts: no session, info without sessionID, part without messageID
      { type: "message.updated", properties: { info: { ...reply.info, sessionID: undefined } } },
      { type: "message.updated", properties: { sessionID: SID, info: { ...reply.info, id: undefined } } },
      { type: "message.part.updated", properties: { sessionID: SID, part: { ...part, messageID: undefined } } },
      { type: "message.part.updated", properties: { part: { ...part, sessionID: undefined, text: "no session" } } },
      { type: "message.part.delta", properties: { messageID: reply.info.id, partID: part?.id, field: "text", delta: "no session" } },
      { type: "message.part.delta", properties: { sessionID: SID, messageID: reply.info.id, partID: part?.id, field: "text", delta: 5 } },
      { type: "message.part.removed", properties: { sessionID: SID, messageID: reply.info.id } },
      { type: "message.removed", properties: { sessionID: SID } },
      // todos: not a list, no session
      { type: "todo.updated", properties: { sessionID: SID, todos: "none" } },
      { type: "todo.updated", properties: { todos: [] } },
      // requests: no id, no session, a reply without the request id
      { type: "question.asked", properties: { sessionID: SID, questions: [] } },
      { type: "permission.asked", properties: { id: "per_x", permission: "bash" } },
      { type: "question.replied", properties: { sessionID: SID, answers: [] } },
      { type: "permission.replied", properties: { sessionID: SID, reply: "once" } },
      // unknown
      { type: "session.teleported", properties: { sessionID: SID } },
    ];
    for (const event of events) {
      const was = snapshot();
      expect(() => applyEventToCache(queryClient, scope, event as WireEvent)).not.toThrow();
      expect(snapshot().every((data, i) => data === was[i]), JSON.stringify(event).slice(0, 120)).toBe(true);
    }
    const after = snapshot();
    for (const [i, data] of after.entries()) expect(data, `cache ${i}`).toBe(before[i]);
  });
});
