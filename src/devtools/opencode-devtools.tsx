import { lazy, Suspense, type ReactElement } from "react";
import type { OpencodeDevtoolsProps } from "./props";

// Its own chunk: an app that imports this component but does not render it never loads the panel.
const DevtoolsPanel = lazy(() => import("./devtools-panel"));

/**
 * A small panel, like TanStack Query's devtools, for the OpenCode hooks of the enclosing
 * `<OpencodeProvider>`: the event feed (status, reconnects, the last events with types and sizes),
 * each reply store (status, parts, watchdog countdown, pending prompts) and the live cache's
 * queries. A toggle button opens it. The panel's code is loaded on first render (a lazy chunk),
 * so a production bundle that never renders it pays only for this wrapper. While mounted it
 * subscribes to the feed, which keeps the connection open.
 * @example
 * <OpencodeProvider client={client}>
 *   <App />
 *   {import.meta.env.DEV && <OpencodeDevtools />}
 * </OpencodeProvider>
 */
export function OpencodeDevtools(props: OpencodeDevtoolsProps): ReactElement {
  return (
    <Suspense fallback={null}>
      <DevtoolsPanel {...props} />
    </Suspense>
  );
}
