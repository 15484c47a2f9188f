/**
 * The catalog, project and file caches that events change: `vcs.branch.updated` patches the VCS
 * branch, `file.edited` / `file.watcher.updated` refetch the file status and file contents,
 * `session.diff` replaces a session's diff, `project.updated` refetches the project. Framework-free.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { SnapshotFileDiff, VcsInfo } from "@opencode-ai/sdk/v2";
import { sessionIdOf } from "../../core/events/route";
import type { WireEvent } from "../../core/events/types";
import { opencodeKeys, type ScopeSource } from "../../query/keys";
import { patchQuery } from "./query-writes";

/**
 * Applies one event to the catalog/project/file caches; other events are ignored.
 * @example client.events.subscribe((event) => applyCatalogEvent(queryClient, client, event))
 */
export function applyCatalogEvent(queryClient: QueryClient, scope: ScopeSource, event: WireEvent): void {
  switch (event.type) {
    case "vcs.branch.updated": {
      const branch = event.properties.branch;
      patchQuery<VcsInfo>(queryClient, opencodeKeys.project(scope, "vcs"), (info) => {
        const { branch: _old, ...rest } = info;
        return typeof branch === "string" ? { ...rest, branch } : rest;
      });
      return;
    }
    case "file.edited":
    case "file.watcher.updated":
      void queryClient.invalidateQueries({ queryKey: opencodeKeys.fileStatus(scope), exact: true });
      void queryClient.invalidateQueries({ queryKey: [...opencodeKeys.files(scope), "content"] });
      return;
    case "session.diff": {
      const sessionId = sessionIdOf(event);
      const diff = event.properties.diff;
      if (sessionId !== undefined && Array.isArray(diff)) {
        patchQuery<SnapshotFileDiff[]>(queryClient, opencodeKeys.sessionDiff(scope, sessionId), () => diff as SnapshotFileDiff[]);
      }
      return;
    }
    case "project.updated":
      void queryClient.invalidateQueries({ queryKey: opencodeKeys.project(scope, "current"), exact: true });
      return;
    default:
      return;
  }
}
