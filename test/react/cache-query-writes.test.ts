// The cache writes shared by the live cache and the mutations (query-writes.ts, pause-fetches.ts),
// on a bare QueryClient: what a list, a parent's children list or a detail shows after a write,
// a rollback, or a mutation that pauses the list fetches in flight.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { Session } from "@opencode-ai/sdk/v2";
import { opencodeKeys } from "../../src/query/keys";
import { pauseFetches } from "../../src/react/cache/pause-fetches";
import { dropSession, findCachedSession, patchQueries, snapshotQueries, writeSession } from "../../src/react/cache/query-writes";
import { fakeSession } from "../support/fake-opencode-data";

const scope = { baseUrl: "http://127.0.0.1:4096", directory: undefined, workspace: undefined };
const clients: QueryClient[] = [];
const unsubscribers: Array<() => void> = [];

function newClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: Infinity } } });
  clients.push(client);
  return client;
}

afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  for (const client of clients.splice(0)) client.clear();
});

const ids = (list: Session[] | undefined) => list?.map((session) => session.id);

describe("writeSession", () => {
  const parent = fakeSession({ title: "parent" });

  it("puts a child session in its parent's children list, and not in another session's", () => {
    const queryClient = newClient();
    const other = fakeSession();
    queryClient.setQueryData(opencodeKeys.children(scope, parent.id), []);
    queryClient.setQueryData(opencodeKeys.children(scope, other.id), []);
    const child = fakeSession({ parentID: parent.id });
    writeSession(queryClient, scope, child);
    expect(ids(queryClient.getQueryData(opencodeKeys.children(scope, parent.id)))).toEqual([child.id]);
    expect(queryClient.getQueryData(opencodeKeys.children(scope, other.id))).toEqual([]);
  });

  it("leaves every children list alone for a root session (no parentID, or an empty one)", () => {
    const queryClient = newClient();
    // A children list cached under the key of an empty parent id: a root must never land there.
    queryClient.setQueryData(opencodeKeys.children(scope, ""), []);
    queryClient.setQueryData(opencodeKeys.children(scope, parent.id), []);
    writeSession(queryClient, scope, fakeSession());
    writeSession(queryClient, scope, fakeSession({ parentID: "" }));
    expect(queryClient.getQueryData(opencodeKeys.children(scope, ""))).toEqual([]);
    expect(queryClient.getQueryData(opencodeKeys.children(scope, parent.id))).toEqual([]);
  });

  it("writes the detail only when it is cached, unless asked to seed it", () => {
    const queryClient = newClient();
    const session = fakeSession();
    writeSession(queryClient, scope, session);
    expect(queryClient.getQueryState(opencodeKeys.session(scope, session.id))).toBeUndefined();
    writeSession(queryClient, scope, session, { seedDetail: true });
    expect(queryClient.getQueryData(opencodeKeys.session(scope, session.id))).toEqual(session);
    writeSession(queryClient, scope, { ...session, title: "renamed" });
    expect(queryClient.getQueryData<Session>(opencodeKeys.session(scope, session.id))?.title).toBe("renamed");
  });

  it("adds the session to every list whose filters it matches, and invents no list", () => {
    const queryClient = newClient();
    queryClient.setQueryData(opencodeKeys.sessionList(scope, {}), []);
    queryClient.setQueryData(opencodeKeys.sessionList(scope, { roots: true }), []);
    const child = fakeSession({ parentID: parent.id });
    writeSession(queryClient, scope, child);
    expect(ids(queryClient.getQueryData(opencodeKeys.sessionList(scope, {})))).toEqual([child.id]);
    expect(queryClient.getQueryData(opencodeKeys.sessionList(scope, { roots: true }))).toEqual([]);
    expect(queryClient.getQueryState(opencodeKeys.sessionList(scope, { archived: true }))).toBeUndefined();
  });
});

describe("dropSession", () => {
  it("removes a child from its parent's children list and from the lists, keeping the other children", () => {
    const queryClient = newClient();
    const parent = fakeSession();
    const child = fakeSession({ parentID: parent.id });
    const sibling = fakeSession({ parentID: parent.id });
    queryClient.setQueryData(opencodeKeys.children(scope, parent.id), [child, sibling]);
    queryClient.setQueryData(opencodeKeys.sessionList(scope, {}), [child, sibling]);
    dropSession(queryClient, scope, child.id, parent.id);
    expect(ids(queryClient.getQueryData(opencodeKeys.children(scope, parent.id)))).toEqual([sibling.id]);
    expect(ids(queryClient.getQueryData(opencodeKeys.sessionList(scope, {})))).toEqual([sibling.id]);
  });

  it("touches no children list for a root session (no parent id, or an empty one)", () => {
    const queryClient = newClient();
    const session = fakeSession();
    const underEmpty = [session];
    queryClient.setQueryData(opencodeKeys.children(scope, ""), underEmpty);
    dropSession(queryClient, scope, session.id, "");
    dropSession(queryClient, scope, session.id);
    expect(queryClient.getQueryData(opencodeKeys.children(scope, ""))).toBe(underEmpty);
  });
});

describe("patchQueries", () => {
  it("skips a query that has no data yet, and does not notify when the patch changed nothing", () => {
    const queryClient = newClient();
    const key = opencodeKeys.sessionList(scope, {});
    // A query that exists (a first fetch is pending) but holds no data.
    void queryClient.prefetchQuery({ queryKey: opencodeKeys.sessionList(scope, { roots: true }), queryFn: () => new Promise<Session[]>(() => {}) });
    queryClient.setQueryData(key, [fakeSession()]);
    const updatedAt = queryClient.getQueryState(key)?.dataUpdatedAt;
    const seen: unknown[] = [];
    patchQueries<Session[]>(queryClient, { queryKey: opencodeKeys.sessionLists(scope) }, (list) => {
      seen.push(list);
      return list;
    });
    expect(seen).toHaveLength(1);
    expect(queryClient.getQueryData(opencodeKeys.sessionList(scope, { roots: true }))).toBeUndefined();
    let notified = 0;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated") notified += 1;
    });
    patchQueries<Session[]>(queryClient, { queryKey: key, exact: true }, (list) => list);
    unsubscribe();
    expect(notified).toBe(0);
    expect(queryClient.getQueryState(key)?.dataUpdatedAt).toBe(updatedAt);
  });
});

describe("findCachedSession", () => {
  it("prefers the detail, falls back to the first list holding the session, else undefined", () => {
    const queryClient = newClient();
    const session = fakeSession({ title: "in a list" });
    queryClient.setQueryData(opencodeKeys.sessionList(scope, { roots: true }), [fakeSession()]);
    queryClient.setQueryData(opencodeKeys.sessionList(scope, {}), [session]);
    expect(findCachedSession(queryClient, scope, session.id)).toBe(session);
    const detail = { ...session, title: "detail" };
    queryClient.setQueryData(opencodeKeys.session(scope, session.id), detail);
    expect(findCachedSession(queryClient, scope, session.id)).toBe(detail);
    expect(findCachedSession(queryClient, scope, "ses_unknown")).toBeUndefined();
  });

  it("skips a list whose first fetch is still pending (no data yet)", () => {
    const queryClient = newClient();
    const session = fakeSession();
    void queryClient.prefetchQuery({ queryKey: opencodeKeys.sessionList(scope, { roots: true }), queryFn: () => new Promise<Session[]>(() => {}) });
    queryClient.setQueryData(opencodeKeys.sessionList(scope, {}), [session]);
    expect(findCachedSession(queryClient, scope, session.id)).toEqual(session);
    expect(findCachedSession(queryClient, scope, "ses_unknown")).toBeUndefined();
  });

  it("does not read another server's lists", () => {
    const queryClient = newClient();
    const session = fakeSession();
    queryClient.setQueryData(opencodeKeys.sessionList({ ...scope, baseUrl: "http://other:1" }, {}), [session]);
    expect(findCachedSession(queryClient, scope, session.id)).toBeUndefined();
  });
});

describe("snapshotQueries (rollback)", () => {
  it("puts back the lists an optimistic change touched, and leaves untouched ones as they are", () => {
    const queryClient = newClient();
    const a = fakeSession();
    const b = fakeSession();
    const listKey = opencodeKeys.sessionList(scope, {});
    const rootsKey = opencodeKeys.sessionList(scope, { roots: true });
    queryClient.setQueryData(listKey, [a, b]);
    queryClient.setQueryData(rootsKey, [a]);
    queryClient.setQueryData(opencodeKeys.children(scope, a.id), [b]);
    const restore = snapshotQueries(queryClient, [{ queryKey: opencodeKeys.sessionLists(scope) }, { queryKey: opencodeKeys.children(scope, a.id) }]);
    dropSession(queryClient, scope, b.id, a.id);
    expect(ids(queryClient.getQueryData(listKey))).toEqual([a.id]);
    const written: string[] = [];
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") written.push(JSON.stringify(event.query.queryKey));
    });
    restore();
    unsubscribe();
    expect(ids(queryClient.getQueryData(listKey))).toEqual([a.id, b.id]);
    expect(ids(queryClient.getQueryData(opencodeKeys.children(scope, a.id)))).toEqual([b.id]);
    // The roots list never changed: it is not written again (its observers are not notified).
    expect(ids(queryClient.getQueryData(rootsKey))).toEqual([a.id]);
    expect(written).not.toContain(JSON.stringify(rootsKey));
    expect(written).toContain(JSON.stringify(listKey));
  });

  it("undoes only the queries it was given", () => {
    const queryClient = newClient();
    const a = fakeSession();
    queryClient.setQueryData(opencodeKeys.sessionList(scope, {}), [a]);
    queryClient.setQueryData(opencodeKeys.session(scope, a.id), a);
    const restore = snapshotQueries(queryClient, [{ queryKey: opencodeKeys.sessionLists(scope) }]);
    writeSession(queryClient, scope, { ...a, title: "renamed" });
    restore();
    expect(queryClient.getQueryData(opencodeKeys.sessionList(scope, {}))).toEqual([a]);
    expect(queryClient.getQueryData<Session>(opencodeKeys.session(scope, a.id))?.title).toBe("renamed");
  });
});

describe("pauseFetches", () => {
  /**
   * A query watched by an observer (as a mounted hook would) with a fetch in flight whose
   * response is held until `answer` is called.
   */
  function refetchInFlight(queryClient: QueryClient, key: readonly unknown[], initial: Session[] | undefined) {
    let answer: (list: Session[]) => void = () => {};
    let calls = 0;
    let aborted = false;
    if (initial !== undefined) queryClient.setQueryData(key, initial);
    const observer = new QueryObserver<Session[]>(queryClient, {
      queryKey: key,
      staleTime: 0,
      queryFn: ({ signal }) => {
        calls += 1;
        signal.addEventListener("abort", () => {
          aborted = true;
        });
        return new Promise<Session[]>((resolve) => {
          answer = resolve;
        });
      },
    });
    unsubscribers.push(observer.subscribe(() => {}));
    return { answer: (list: Session[]) => answer(list), calls: () => calls, aborted: () => aborted };
  }

  it("cancels a list refetch in flight, so its late response cannot overwrite the optimistic write", async () => {
    const queryClient = newClient();
    const key = opencodeKeys.sessionList(scope, {});
    const kept = fakeSession({ title: "kept" });
    const stale = refetchInFlight(queryClient, key, [kept]);
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe("fetching");
    const resume = await pauseFetches(queryClient, [{ queryKey: opencodeKeys.sessionLists(scope) }]);
    expect(stale.aborted()).toBe(true);
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe("idle");
    const created = fakeSession({ title: "optimistic" });
    writeSession(queryClient, scope, created);
    stale.answer([kept]);
    await Promise.resolve();
    expect(ids(queryClient.getQueryData(key))).toEqual([created.id, kept.id]);
    // Resuming refetches the cancelled list once.
    resume();
    await expect.poll(() => stale.calls()).toBe(2);
  });

  it("leaves a first fetch (no data yet) and queries outside the filters running, and resume does not refetch them", async () => {
    const queryClient = newClient();
    const first = refetchInFlight(queryClient, opencodeKeys.sessionList(scope, {}), undefined);
    const outside = refetchInFlight(queryClient, opencodeKeys.session(scope, "ses_x"), [fakeSession()]);
    const resume = await pauseFetches(queryClient, [{ queryKey: opencodeKeys.sessionLists(scope) }]);
    expect(first.aborted()).toBe(false);
    expect(outside.aborted()).toBe(false);
    expect(queryClient.getQueryState(opencodeKeys.sessionList(scope, {}))?.fetchStatus).toBe("fetching");
    resume();
    const answered = [fakeSession({ title: "answered" })];
    first.answer(answered);
    await expect.poll(() => queryClient.getQueryData(opencodeKeys.sessionList(scope, {}))).toEqual(answered);
    expect(first.calls()).toBe(1);
    expect(outside.calls()).toBe(1);
  });

  it("cancels exactly the matching query, not its neighbours under the same prefix", async () => {
    const queryClient = newClient();
    const parent = fakeSession();
    // The session detail key is a prefix of its children and messages keys.
    const detail = refetchInFlight(queryClient, opencodeKeys.session(scope, parent.id), [parent]);
    const children = refetchInFlight(queryClient, opencodeKeys.children(scope, parent.id), []);
    const resume = await pauseFetches(queryClient, [{ queryKey: opencodeKeys.session(scope, parent.id), exact: true }]);
    expect(detail.aborted()).toBe(true);
    expect(children.aborted()).toBe(false);
    resume();
    await expect.poll(() => detail.calls()).toBe(2);
    const answered = [fakeSession({ parentID: parent.id })];
    children.answer(answered);
    await expect.poll(() => queryClient.getQueryData(opencodeKeys.children(scope, parent.id))).toEqual(answered);
    expect(children.calls()).toBe(1);
  });

  it("pauses every filter it is given", async () => {
    const queryClient = newClient();
    const list = refetchInFlight(queryClient, opencodeKeys.sessionList(scope, {}), []);
    const detail = refetchInFlight(queryClient, opencodeKeys.session(scope, "ses_y"), [fakeSession()]);
    await pauseFetches(queryClient, [{ queryKey: opencodeKeys.sessionLists(scope) }, { queryKey: opencodeKeys.session(scope, "ses_y"), exact: true }]);
    expect(list.aborted()).toBe(true);
    expect(detail.aborted()).toBe(true);
  });
});
