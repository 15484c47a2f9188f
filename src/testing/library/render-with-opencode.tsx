import type { ReactElement, ReactNode } from "react";
import { render, type RenderOptions, type RenderResult } from "@testing-library/react";
import type { QueryClient } from "@tanstack/react-query";
import { OpencodeProvider } from "../../react/provider";
import { createFakeOpencode, type FakeOpencode, type FakeOpencodeOptions } from "../create-fake-opencode";
import { createTestQueryClient } from "../react/test-query-client";

/**
 * Options of {@link renderWithOpencode}: Testing Library's, plus the fake and QueryClient.
 * @example renderWithOpencode(<Chat sessionId={id} />, { fake, queryClient: createTestQueryClient() })
 */
export interface RenderWithOpencodeOptions extends Omit<RenderOptions, "wrapper" | "queries"> {
  /** The fake server (default: a new one with `fakeOptions`; close it with `result.fake.close()`). */
  fake?: FakeOpencode;
  /** Options of the fake made when `fake` is not given. */
  fakeOptions?: FakeOpencodeOptions;
  /** Default a new `createTestQueryClient()`. */
  queryClient?: QueryClient;
  /** Wraps the UI inside the provider (a router, a theme). */
  wrapper?: (props: { children: ReactNode }) => ReactElement;
}

/**
 * What {@link renderWithOpencode} returns: Testing Library's result plus the fake and QueryClient.
 * @example const { fake, queryClient, findByText } = renderWithOpencode(<Chat sessionId={id} />);
 */
export interface RenderWithOpencodeResult extends RenderResult {
  fake: FakeOpencode;
  queryClient: QueryClient;
}

/**
 * Renders `ui` with Testing Library inside `<OpencodeProvider>` on a fake server and a test
 * QueryClient. Unmount (Testing Library's `cleanup`) before `fake.close()`.
 * @example
 * const fake = createFakeOpencode({ scenario: "hello" });
 * const session = fake.addSession();
 * const { findByText } = renderWithOpencode(<Chat sessionId={session.id} />, { fake });
 * await findByText("Hello there! I am a fake model.");
 */
export function renderWithOpencode(ui: ReactElement, options: RenderWithOpencodeOptions = {}): RenderWithOpencodeResult {
  const { fake: given, fakeOptions, queryClient: givenQueryClient, wrapper: Inner, ...renderOptions } = options;
  const fake = given ?? createFakeOpencode(fakeOptions);
  const queryClient = givenQueryClient ?? createTestQueryClient();
  const Wrapper = ({ children }: { children: ReactNode }): ReactElement => (
    <OpencodeProvider client={fake.client} queryClient={queryClient}>
      {Inner === undefined ? children : <Inner>{children}</Inner>}
    </OpencodeProvider>
  );
  const result: RenderResult = render(ui, { ...(renderOptions as RenderOptions), wrapper: Wrapper });
  return Object.assign(result, { fake, queryClient });
}
