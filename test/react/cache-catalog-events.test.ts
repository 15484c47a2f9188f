import { describe, expect, it } from "vitest";
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { applyCatalogEvent } from "../../src/react/cache/apply-catalog-event";
import { applySessionPatch } from "../../src/react/cache/session-patch";
import { opencodeKeys } from "../../src/query/keys";
import type { Session } from "@opencode-ai/sdk/v2";
import type { WireEvent } from "../../src/core/events/types";

/**
 * The catalog, project and file caches each event changes, read straight from the QueryClient with
 * the feed out of the picture: what goes stale (a mounted hook refetches it), what is patched in
 * place, and what is left alone.
 */
const scope = { baseUrl: "http://127.0.0.1:4096", directory: "/repo", workspace: undefined };
const other = { baseUrl: "http://127.0.0.1:4096", directory: "/elsewhere", workspace: undefined };

function seeded(): QueryClient {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const source of [scope, other]) {
    queryClient.setQueryData(opencodeKeys.project(source, "vcs"), { branch: "main" });
    queryClient.setQueryData(opencodeKeys.project(source, "current"), { id: "prj_1", worktree: "/repo" });
    queryClient.setQueryData(opencodeKeys.project(source, "path"), { directory: "/repo" });
    queryClient.setQueryData(opencodeKeys.fileStatus(source), [{ path: "a.ts" }]);
    queryClient.setQueryData(opencodeKeys.fileContent(source, "a.ts"), { content: "old" });
    queryClient.setQueryData(opencodeKeys.findFiles(source, "a", {}), ["a.ts"]);
    queryClient.setQueryData(opencodeKeys.sessionDiff(source, "ses_1"), [{ file: "a.ts" }]);
    queryClient.setQueryData(opencodeKeys.sessionDiff(source, "ses_2"), [{ file: "b.ts" }]);
  }
  return queryClient;
}

/** The keys of every query that is now stale by invalidation. */
function invalidated(queryClient: QueryClient): QueryKey[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => query.queryKey);
}

const event = (type: string, properties: Record<string, unknown>): WireEvent => ({ type, properties }) as WireEvent;

describe("applyCatalogEvent", () => {
  it("vcs.branch.updated patches this directory's branch in place, and a branch-less event clears it", () => {
    const queryClient = seeded();
    applyCatalogEvent(queryClient, scope, event("vcs.branch.updated", { branch: "feature/x" }));
    expect(queryClient.getQueryData(opencodeKeys.project(scope, "vcs"))).toEqual({ branch: "feature/x" });
    expect(queryClient.getQueryData(opencodeKeys.project(other, "vcs"))).toEqual({ branch: "main" });
    expect(invalidated(queryClient)).toEqual([]);
    // A detached HEAD: the server sends no branch; the stale name must not stay on screen.
    applyCatalogEvent(queryClient, scope, event("vcs.branch.updated", {}));
    expect(queryClient.getQueryData(opencodeKeys.project(scope, "vcs"))).toStrictEqual({});
  });

  it.each(["file.edited", "file.watcher.updated"])("%s refetches the file status and every file's content, not searches or other directories", (type) => {
    const queryClient = seeded();
    applyCatalogEvent(queryClient, scope, event(type, { file: "/repo/a.ts" }));
    expect(invalidated(queryClient)).toEqual([opencodeKeys.fileStatus(scope), opencodeKeys.fileContent(scope, "a.ts")]);
    // Invalidation marks stale; the cached value stays on screen until the refetch answers.
    expect(queryClient.getQueryData(opencodeKeys.fileContent(scope, "a.ts"))).toEqual({ content: "old" });
  });

  it("session.diff replaces that session's diff only, and ignores a diff that is not a list or has no session", () => {
    const queryClient = seeded();
    const diff = [{ file: "c.ts", additions: 1, deletions: 0 }];
    applyCatalogEvent(queryClient, scope, event("session.diff", { sessionID: "ses_1", diff }));
    expect(queryClient.getQueryData(opencodeKeys.sessionDiff(scope, "ses_1"))).toEqual(diff);
    expect(queryClient.getQueryData(opencodeKeys.sessionDiff(scope, "ses_2"))).toEqual([{ file: "b.ts" }]);
    expect(queryClient.getQueryData(opencodeKeys.sessionDiff(other, "ses_1"))).toEqual([{ file: "a.ts" }]);
    applyCatalogEvent(queryClient, scope, event("session.diff", { sessionID: "ses_2", diff: { file: "x" } }));
    applyCatalogEvent(queryClient, scope, event("session.diff", { diff: [] }));
    expect(queryClient.getQueryData(opencodeKeys.sessionDiff(scope, "ses_2"))).toEqual([{ file: "b.ts" }]);
    expect(queryClient.getQueryData(opencodeKeys.sessionDiff(scope, "ses_1"))).toEqual(diff);
    expect(invalidated(queryClient)).toEqual([]);
  });

  it("project.updated refetches the current project only", () => {
    const queryClient = seeded();
    applyCatalogEvent(queryClient, scope, event("project.updated", { id: "prj_1" }));
    expect(invalidated(queryClient)).toEqual([opencodeKeys.project(scope, "current")]);
  });

  it("other events change nothing", () => {
    const queryClient = seeded();
    const before = queryClient.getQueryCache().getAll().map((query) => query.state.data);
    for (const type of ["session.updated", "message.part.delta", "lsp.updated", "x.unknown"]) applyCatalogEvent(queryClient, scope, event(type, { sessionID: "ses_1", diff: [] }));
    expect(queryClient.getQueryCache().getAll().map((query) => query.state.data)).toEqual(before);
    expect(invalidated(queryClient)).toEqual([]);
  });
});

describe("applySessionPatch", () => {
  const session = {
    id: "ses_1",
    title: "Old",
    metadata: { pinned: true },
    permission: [{ permission: "bash", pattern: "*", action: "ask" }],
    time: { created: 1, updated: 2, archived: 50 },
  } as unknown as Session;

  it("changes only what the patch names", () => {
    expect(applySessionPatch(session, {}, 99)).toEqual(session);
    expect(applySessionPatch(session, { title: "New" }, 99)).toEqual({ ...session, title: "New" });
    expect(applySessionPatch(session, { metadata: { pinned: false } }, 99)).toEqual({ ...session, metadata: { pinned: false } });
    // Permission rules are merged by the server: the optimistic copy leaves them alone.
    expect(applySessionPatch(session, { permission: [] }, 99).permission).toEqual(session.permission);
  });

  it("archived: true is now, a number is that time, false or 0 unarchives", () => {
    expect(applySessionPatch(session, { archived: true }, 99).time).toEqual({ created: 1, updated: 2, archived: 99 });
    expect(applySessionPatch(session, { archived: 70 }, 99).time).toEqual({ created: 1, updated: 2, archived: 70 });
    expect(applySessionPatch(session, { archived: false }, 99).time).toEqual({ created: 1, updated: 2 });
    expect(applySessionPatch(session, { archived: 0 }, 99).time).toEqual({ created: 1, updated: 2 });
    // The original is never changed (TanStack's structural sharing compares against it).
    expect(session.time).toEqual({ created: 1, updated: 2, archived: 50 });
  });
});
