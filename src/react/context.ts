import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";

/**
 * What `<OpencodeProvider>` gives its subtree.
 * @example const { client, queryClient }: OpencodeContextValue = useOpencodeContext()
 */
export interface OpencodeContextValue {
  /** The OpenCode client of this subtree. */
  client: OpencodeClient;
  /** The QueryClient the hooks of this subtree cache into. */
  queryClient: QueryClient;
}

/**
 * The context `<OpencodeProvider>` fills. Read it through {@link useOpencodeClient}; it is
 * exported for tests and for libraries that need the QueryClient the hooks use.
 * @example const value = React.useContext(OpencodeContext) // undefined outside a provider
 */
export const OpencodeContext = createContext<OpencodeContextValue | undefined>(undefined);

/**
 * The client and QueryClient of the nearest `<OpencodeProvider>`.
 * @throws Error when there is no provider above.
 * @example const { client, queryClient } = useOpencodeContext()
 */
export function useOpencodeContext(): OpencodeContextValue {
  const value = useContext(OpencodeContext);
  if (value === undefined) {
    throw new Error(
      "opencode-react: no OpenCode client here. Wrap the component in <OpencodeProvider client={createOpencodeClient(...)}>.",
    );
  }
  return value;
}

/**
 * The OpenCode client of the nearest `<OpencodeProvider>`, for calls the hooks do not cover; with
 * a `directory`, that directory's client of the same server (`client.forDirectory`: same event
 * connection, the same object on every render).
 * @throws Error when there is no provider above.
 * @example
 * const client = useOpencodeClient();
 * const onFork = () => client.sessions.create({ parentID: sessionId });
 * const other = useOpencodeClient("/other-repo");
 */
export function useOpencodeClient(directory?: string): OpencodeClient {
  const client = useOpencodeContext().client;
  return directory === undefined || directory === "" ? client : client.forDirectory(directory);
}
