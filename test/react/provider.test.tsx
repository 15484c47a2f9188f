// @vitest-environment jsdom
import type { ReactNode } from "react";
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, renderHook, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { useOpencodeClient, useOpencodeContext } from "../../src/react/context";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient } from "../support/render-opencode";

describe("OpencodeProvider", () => {
  it("gives the client to useOpencodeClient", () => {
    const client = fakeClient(createFakeOpencode());
    const { result } = renderHook(() => useOpencodeClient(), {
      wrapper: ({ children }: { children: ReactNode }) => <OpencodeProvider client={client}>{children}</OpencodeProvider>,
    });
    expect(result.current).toBe(client);
  });

  it("useOpencodeClient throws a clear error outside the provider", () => {
    expect(() => renderHook(() => useOpencodeClient())).toThrow(/<OpencodeProvider client=/);
  });

  it("uses the queryClient prop, and provides it to TanStack hooks below", () => {
    const client = fakeClient(createFakeOpencode());
    const queryClient = new QueryClient();
    const { result } = renderHook(() => [useOpencodeContext().queryClient, useQueryClient()] as const, {
      wrapper: ({ children }: { children: ReactNode }) => (
        <OpencodeProvider client={client} queryClient={queryClient}>
          {children}
        </OpencodeProvider>
      ),
    });
    expect(result.current[0]).toBe(queryClient);
    expect(result.current[1]).toBe(queryClient);
  });

  it("uses the QueryClient of an enclosing QueryClientProvider", () => {
    const client = fakeClient(createFakeOpencode());
    const outer = new QueryClient();
    const { result } = renderHook(() => useOpencodeContext().queryClient, {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={outer}>
          <OpencodeProvider client={client}>{children}</OpencodeProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current).toBe(outer);
  });

  it("creates its own QueryClient once and keeps it across renders", () => {
    const client = fakeClient(createFakeOpencode());
    const seen: QueryClient[] = [];
    function Probe({ label }: { label: string }) {
      seen.push(useOpencodeContext().queryClient);
      return <span>{label}</span>;
    }
    const { rerender } = render(
      <OpencodeProvider client={client}>
        <Probe label="one" />
      </OpencodeProvider>,
    );
    rerender(
      <OpencodeProvider client={client}>
        <Probe label="two" />
      </OpencodeProvider>,
    );
    expect(screen.getByText("two")).toBeTruthy();
    expect(seen.length).toBe(2);
    expect(seen[0]).toBeInstanceOf(QueryClient);
    expect(seen[1]).toBe(seen[0]);
  });
});
