import { useEffect, useState, type ReactElement, type ReactNode } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { OpencodeProvider } from "../../react/provider";
import { createFakeOpencode, type FakeOpencode, type FakeOpencodeOptions } from "../create-fake-opencode";
import { createTestQueryClient } from "./test-query-client";

/**
 * Props of {@link OpencodeTestProvider}.
 * @example const props: OpencodeTestProviderProps = { fake: createFakeOpencode({ scenario: "none" }) };
 */
export interface OpencodeTestProviderProps {
  /** The fake to serve the hooks; default a new one (with `options`), closed on unmount. */
  fake?: FakeOpencode;
  /** Options of the fake this provider creates when `fake` is not given. */
  options?: FakeOpencodeOptions;
  /** Default {@link createTestQueryClient}() (one per mount). */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * The fake server, a test QueryClient and `<OpencodeProvider>` in one: wrap the component under
 * test (or a story) in it. A fake you pass stays yours to close; one it made is closed on unmount.
 * @example
 * const fake = createFakeOpencode({ scenario: "hello" });
 * const session = fake.addSession();
 * render(<OpencodeTestProvider fake={fake}><Chat sessionId={session.id} /></OpencodeTestProvider>);
 */
export function OpencodeTestProvider({ fake, options, queryClient, children }: OpencodeTestProviderProps): ReactElement | null {
  const [own] = useState(() => (fake === undefined ? createFakeOpencode(options) : undefined));
  const [ownQueryClient] = useState(() => queryClient ?? createTestQueryClient());
  // Parents clean up before children: close once the hooks below let go of the feed.
  useEffect(() => () => void setTimeout(() => own?.close(), 0), [own]);
  const client = (fake ?? own)?.client;
  if (client === undefined) return null;
  return (
    <OpencodeProvider client={client} queryClient={queryClient ?? ownQueryClient}>
      {children}
    </OpencodeProvider>
  );
}
