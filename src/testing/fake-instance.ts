/** The in-memory state of one directory (one OpenCode instance) of the fake server. */
import type { PermissionRequest, QuestionRequest, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../core/api";
import { fakeSession } from "./fake-entities";
import { FakeFeed } from "./fake-feed";

/**
 * State of one directory: sessions, stored messages, todos, statuses, pending questions and
 * permissions, and its event feed. Seed and inspect it directly; the routes read and write it.
 * @example
 * const instance = fake.server.instance();
 * const session = instance.addSession({ title: "Seeded" });
 * instance.addMessages(session.id, fakeUserMessage(session.id, "hi"));
 */
export class FakeInstance {
  readonly sessions = new Map<string, Session>();
  /** Chronological messages per session. */
  readonly messages = new Map<string, MessageWithParts[]>();
  readonly todos = new Map<string, Todo[]>();
  /** `GET /session/status`: busy sessions only (idle ones are absent, as on the server). */
  status: Record<string, SessionStatus> = {};
  /** Pending questions (`GET /question`). */
  questions: QuestionRequest[] = [];
  /** Pending permission requests (`GET /permission`). */
  permissions: PermissionRequest[] = [];
  /** The `/event` streams of this directory. */
  readonly feed = new FakeFeed();

  /** Adds a session (built by fakeSession) and returns it. */
  addSession(partial: Partial<Session> = {}): Session {
    const session = fakeSession(partial);
    this.sessions.set(session.id, session);
    return session;
  }

  /** Appends messages to a session's history. */
  addMessages(sessionId: string, ...messages: MessageWithParts[]): void {
    this.messages.set(sessionId, [...(this.messages.get(sessionId) ?? []), ...messages]);
  }

  /** Sessions newest first, filtered like `GET /session` (roots, search, limit). */
  listSessions(query: URLSearchParams): Session[] {
    let list = [...this.sessions.values()].sort((a, b) => b.time.updated - a.time.updated);
    if (query.get("roots") === "true") list = list.filter((s) => !s.parentID);
    const search = query.get("search");
    if (search) list = list.filter((s) => s.title.toLowerCase().includes(search.toLowerCase()));
    const limit = Number(query.get("limit") ?? 0);
    return limit > 0 ? list.slice(0, limit) : list;
  }

  /**
   * One page of history: the newest `limit` messages before the cursor (chronological), and
   * the cursor of the older page (the id of this page's oldest message) when there is one.
   */
  pageMessages(sessionId: string, limit: number, before: string | null): { items: MessageWithParts[]; next: string | undefined } {
    const all = this.messages.get(sessionId) ?? [];
    const older = before === null ? all : all.filter((m) => m.info.id < before);
    if (limit <= 0) return { items: older, next: undefined };
    const items = older.slice(Math.max(0, older.length - limit));
    const first = items[0];
    return { items, next: older.length > items.length && first !== undefined ? first.info.id : undefined };
  }
}
