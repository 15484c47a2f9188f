/**
 * opencode-react/testing/react: the React side of the testing kit (needs react and
 * @tanstack/react-query, the package's peers; not Testing Library). `OpencodeTestProvider` puts
 * a fake server, a test QueryClient and the provider around a component or story;
 * `createTestQueryClient` is the QueryClient alone. For Testing Library's `render`, see
 * `opencode-react/testing/library`.
 * @example
 * import { OpencodeTestProvider } from "opencode-react/testing/react";
 * <OpencodeTestProvider fake={fake}><Chat sessionId={session.id} /></OpencodeTestProvider>
 * @packageDocumentation
 */
export { createTestQueryClient } from "./test-query-client";
export { OpencodeTestProvider } from "./test-provider";
export type { OpencodeTestProviderProps } from "./test-provider";
