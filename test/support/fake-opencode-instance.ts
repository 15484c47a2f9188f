/** The in-memory state of one directory (one OpenCode instance) of the fake server. */
import type { PermissionRequest, QuestionRequest, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../../src/core/api";
import { fakeSession } from "./fake-opencode-data";
import { FakeFeed } from "./fake-opencode-sse";

/** State of one directory; tests seed and inspect it directly. */
export class FakeInstance {
  readonly sessions = new Map<string, Session>();
  /** Chronological messages per session. */
  readonly messages = new Map<string, MessageWithParts[]>();
  readonly todos = new Map<string, Todo[]>();
  status: Record<string, SessionStatus> = {};
  questions: QuestionRequest[] = [];
  permissions: PermissionRequest[] = [];
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
