/**
 * The routes of the fake server, on one instance: the 1.x paths and shapes of `opencode serve`.
 * Writes emit the events the real server emits (session.created/updated/deleted,
 * message.updated for a prompt, question/permission replies); a prompt's reply is the scenario
 * runner's job (see create-fake-opencode.ts), not this file's.
 */
import type { Session } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../core/api";
import { fakeAssistantMessage } from "./fake-entities";
import { fakeId } from "./ids";
import type { FakeEvent } from "./fake-feed";
import type { FakeInstance } from "./fake-instance";

/**
 * One request the fake received, parsed.
 * @example fake.requests().filter((r: FakeRequest) => r.method === "POST")
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Dict = Record<string, unknown>;

/**
 * A JSON response (204 when body is undefined).
 * @example json(404, { name: "NotFoundError", data: { message: "Session not found" } })
 */
export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status: status === 200 ? 204 : status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

const notFound = (what: string): Response => json(404, { name: "NotFoundError", data: { message: `${what} not found` } });

function userMessage(sessionId: string, body: Dict): MessageWithParts {
  const id = typeof body.messageID === "string" ? body.messageID : fakeId("msg");
  const parts = (Array.isArray(body.parts) ? body.parts : []) as Dict[];
  return {
    info: { id, sessionID: sessionId, role: "user", time: { created: Date.now() }, agent: "build", model: { providerID: "fake", modelID: "fake-model" } },
    parts: parts.map((part) => ({ ...part, id: String(part.id ?? fakeId("prt")), sessionID: sessionId, messageID: id }) as MessageWithParts["parts"][number]),
  };
}

/**
 * Options of {@link instanceRoute}.
 * @example instanceRoute(instance, request, { announcePrompts: false })
 */
export interface RouteOptions {
  /**
   * Emit a prompt's user message (`message.updated` + its parts) when it is posted, as the server
   * does (default true). createFakeOpencode turns it off and lets the scripted turn announce it,
   * so a silent turn can be a server that says nothing at all.
   */
  announcePrompts?: boolean;
}

/**
 * The events announcing a stored user message: `message.updated` and one `message.part.updated` per part.
 * @example for (const event of promptEvents(message)) feed.emit(event);
 */
export function promptEvents(message: MessageWithParts): FakeEvent[] {
  const sessionID = message.info.sessionID;
  return [
    { type: "message.updated", properties: { sessionID, info: message.info } },
    // Like every part update of the real server, with the time it was sent.
    ...message.parts.map((part) => ({ type: "message.part.updated", properties: { sessionID, part, time: Date.now() } })),
  ];
}

/** Handles the routes of one session (`/session/:id…`). */
function sessionRoute(instance: FakeInstance, request: FakeRequest, rest: string[], options: RouteOptions): Response {
  const [id = "", sub, subId] = rest;
  const session = instance.sessions.get(id);
  if (session === undefined) return notFound(`Session ${id}`);
  const body = (request.body ?? {}) as Dict;
  const route = `${request.method} ${sub ?? ""}`;
  switch (route) {
    case "GET ":
      return json(200, session);
    case "PATCH ": {
      const time = body.time as Dict | undefined;
      const archived = typeof time?.archived === "number" ? time.archived : undefined;
      const updated: Session = {
        ...session,
        ...(typeof body.title === "string" ? { title: body.title } : {}),
        time: { ...session.time, updated: session.time.updated + 1, ...(archived === undefined ? {} : { archived }) },
      };
      if (archived === 0) delete updated.time.archived;
      instance.sessions.set(id, updated);
      instance.feed.emit({ type: "session.updated", properties: { sessionID: id, info: updated } });
      return json(200, updated);
    }
    case "DELETE ":
      instance.sessions.delete(id);
      instance.feed.emit({ type: "session.deleted", properties: { sessionID: id, info: session } });
      return json(200, true);
    case "POST abort":
      return json(200, true);
    case "GET children":
      return json(200, [...instance.sessions.values()].filter((s) => s.parentID === id));
    case "GET todo":
      return json(200, instance.todos.get(id) ?? []);
    case "GET message": {
      if (subId !== undefined) {
        const found = (instance.messages.get(id) ?? []).find((m) => m.info.id === subId);
        return found === undefined ? notFound(`Message ${subId}`) : json(200, found);
      }
      const page = instance.pageMessages(id, Number(request.query.get("limit") ?? 0), request.query.get("before"));
      return json(200, page.items, page.next === undefined ? {} : { "x-next-cursor": page.next });
    }
    case "POST message":
    case "POST prompt_async": {
      const message = userMessage(id, body);
      instance.addMessages(id, message);
      if (options.announcePrompts !== false || sub === "message") for (const event of promptEvents(message)) instance.feed.emit(event);
      if (sub === "prompt_async") return json(204);
      // Server ids are time-ordered: the reply sorts after the prompt.
      const reply = fakeAssistantMessage(id, message.info.id, "echo", `${message.info.id}z`);
      instance.addMessages(id, reply);
      return json(200, reply);
    }
    default:
      return notFound(`Route ${route}`);
  }
}

/**
 * Answers one instance request (everything but `/global/*` and `/event`); a 404 for an unknown route.
 * @example const response = instanceRoute(instance, { method: "GET", path: "/session", query, body: undefined });
 */
export function instanceRoute(instance: FakeInstance, request: FakeRequest, options: RouteOptions = {}): Response {
  const segments = request.path.split("/").filter(Boolean);
  const [head, second, third] = segments;
  if (head === "session" && segments.length === 1) {
    if (request.method === "GET") return json(200, instance.listSessions(request.query));
    const session = instance.addSession(compactInput(request.body));
    instance.feed.emit({ type: "session.created", properties: { sessionID: session.id, info: session } });
    return json(200, session);
  }
  if (head === "session" && second === "status") return json(200, instance.status);
  if (head === "session") return sessionRoute(instance, request, segments.slice(1), options);
  if (head === "question" && second === undefined) return json(200, instance.questions);
  if (head === "question" && (third === "reply" || third === "reject")) {
    const found = instance.questions.find((q) => q.id === second);
    if (found === undefined) return json(404, { _tag: "QuestionNotFoundError", requestID: second, message: "Question not found" });
    instance.questions = instance.questions.filter((q) => q.id !== second);
    const type = third === "reply" ? "question.replied" : "question.rejected";
    instance.feed.emit({ type, properties: { sessionID: found.sessionID, requestID: second, answers: (request.body as Dict | undefined)?.answers } });
    return json(200, true);
  }
  if (head === "permission" && second === undefined) return json(200, instance.permissions);
  if (head === "permission" && third === "reply") {
    const found = instance.permissions.find((p) => p.id === second);
    if (found === undefined) return json(404, { _tag: "PermissionNotFoundError", requestID: second, message: "Permission not found" });
    instance.permissions = instance.permissions.filter((p) => p.id !== second);
    instance.feed.emit({ type: "permission.replied", properties: { sessionID: found.sessionID, requestID: second, reply: (request.body as Dict).reply } });
    return json(200, true);
  }
  return notFound(`Route ${request.method} ${request.path}`);
}

function compactInput(body: unknown): Partial<Session> {
  const input = (body ?? {}) as Dict;
  return {
    ...(typeof input.title === "string" ? { title: input.title } : {}),
    ...(typeof input.parentID === "string" ? { parentID: input.parentID } : {}),
  };
}
