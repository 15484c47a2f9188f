/**
 * Development-only warnings for the mistakes users make. Every call site is behind
 * `process.env.NODE_ENV !== "production"`, which bundlers replace, so production builds drop them.
 */
import type { OpencodeClient } from "../core/client";

const warned = new Set<string>();

/**
 * `console.warn` once per distinct message.
 * @example warnOnce("opencode-react: ...")
 */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Warns when `<OpencodeProvider>` got a different client object for the same server and
 * directory: almost always `createOpencodeClient(...)` called during render, which opens a new
 * event feed and drops the caches' live updates every render.
 * @example if (process.env.NODE_ENV !== "production") warnIfClientRecreated(previous, client)
 */
export function warnIfClientRecreated(previous: OpencodeClient, next: OpencodeClient): void {
  if (previous === next) return;
  const a = previous.info;
  const b = next.info;
  if (a.baseUrl !== b.baseUrl || a.directory !== b.directory || a.workspace !== b.workspace) return;
  warnOnce(
    "opencode-react: <OpencodeProvider> received a new client object for the same server on a re-render. " +
      "Create the client once (module scope, useState or useMemo): each new client opens a new event feed.",
  );
}
