/** Mounting useStream on a replay server, with the cleanup the stream test files share. */
import { afterEach } from "vitest";
import { useStream, type UseStreamOptions } from "../../src/react/stream";
import { renderOpencodeHook } from "./render-opencode";
import type { ReplayServer } from "./stream-replay";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Renders `useStream(server.sessionId, options)`; unmounted after the test. */
export function mountStream(server: ReplayServer, options?: UseStreamOptions) {
  const hook = renderOpencodeHook(() => useStream(server.sessionId, options), server);
  cleanups.push(hook.unmount);
  return hook;
}

/** The prompt_async POSTs the server received. */
export const promptPosts = (server: ReplayServer) => server.posts.filter((p) => p.path.endsWith("prompt_async"));
