import { useContext, useEffect, useMemo, useRef, type ReactElement, type ReactNode } from "react";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";
import { OpencodeContext, type OpencodeContextValue } from "./context";
import { warnIfClientRecreated } from "./dev-warnings";

/**
 * Props of {@link OpencodeProvider}.
 * @example const props: OpencodeProviderProps = { client, queryClient: new QueryClient() }
 */
export interface OpencodeProviderProps {
  /**
   * The client the hooks below use: `createOpencodeClient({ baseUrl, password, directory })`.
   * Optional in a nested provider, which then scopes the enclosing provider's client.
   */
  client?: OpencodeClient;
  /**
   * Scopes the hooks below to this directory of the same server: they use
   * `client.forDirectory(directory)`, whose events ride the client's one connection and whose
   * query keys carry the directory.
   */
  directory?: string;
  /**
   * The QueryClient to cache into. Default: the one of an enclosing `<QueryClientProvider>`,
   * else a QueryClient this provider creates once and keeps for its lifetime.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * Makes an OpenCode client (and a QueryClient) available to the hooks below. Create the client
 * once (module scope, `useState`, or `useMemo`): a new client is a new event feed. The live
 * cache is not opened here but by the hooks, so a provider with no hook mounted holds no
 * connection. A nested provider with `directory` scopes its subtree to another project of the
 * same server without a new connection.
 * @example
 * const client = createOpencodeClient({ baseUrl: "http://127.0.0.1:4096" });
 * root.render(
 *   <OpencodeProvider client={client}>
 *     <App />
 *     <OpencodeProvider directory="/other-repo"><ProjectPanel /></OpencodeProvider>
 *   </OpencodeProvider>,
 * );
 */
export function OpencodeProvider({ client: given, directory, queryClient, children }: OpencodeProviderProps): ReactElement {
  const outer = useContext(QueryClientContext);
  const enclosing = useContext(OpencodeContext);
  const base = given ?? enclosing?.client;
  if (base === undefined) {
    throw new Error("opencode-react: <OpencodeProvider> needs a `client` (createOpencodeClient(...)) unless it is nested in another provider.");
  }
  // forDirectory returns the same client for the same directory, so this is stable across renders.
  const client = directory === undefined || directory === "" ? base : base.forDirectory(directory);
  const own = useRef<QueryClient | null>(null);
  let resolved = queryClient ?? outer;
  if (resolved === undefined) {
    // Created on first need and kept: a new QueryClient per render would drop every cache.
    own.current ??= new QueryClient();
    resolved = own.current;
  }
  const previousClient = useRef(client);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production") warnIfClientRecreated(previousClient.current, client);
    previousClient.current = client;
  }, [client]);
  const value = useMemo<OpencodeContextValue>(() => ({ client, queryClient: resolved }), [client, resolved]);
  return (
    <QueryClientProvider client={resolved}>
      <OpencodeContext.Provider value={value}>{children}</OpencodeContext.Provider>
    </QueryClientProvider>
  );
}
