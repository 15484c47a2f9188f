// @vitest-environment jsdom
/** A nested `<OpencodeProvider directory>` scopes its hooks to another directory of the same client (issue 14). */
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { useOpencodeClient } from "../../src/react/context";
import { useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, testQueryClient } from "../support/render-opencode";

function Titles({ label }: { label: string }): ReactNode {
  const { data = [] } = useSessions();
  return <p>{`${label}: ${data.map((session) => session.title).join(",")}`}</p>;
}

describe("<OpencodeProvider directory>", () => {
  it("gives the hooks below client.forDirectory(directory), the same object on every render", () => {
    const client = fakeClient(createFakeOpencode());
    const { result, rerender } = renderHook(() => useOpencodeClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <OpencodeProvider client={client}>
          <OpencodeProvider directory="/repo/a">{children}</OpencodeProvider>
        </OpencodeProvider>
      ),
    });
    const first = result.current;
    rerender();
    expect(first).toBe(client.forDirectory("/repo/a"));
    expect(result.current).toBe(first);
    expect(first.info.directory).toBe("/repo/a");
  });

  it("useOpencodeClient(directory) gives that directory's client of the provider's client", () => {
    const client = fakeClient(createFakeOpencode());
    const { result } = renderHook(() => useOpencodeClient("/repo/b"), {
      wrapper: ({ children }: { children: ReactNode }) => <OpencodeProvider client={client}>{children}</OpencodeProvider>,
    });
    expect(result.current).toBe(client.forDirectory("/repo/b"));
  });

  it("two directories side by side list their own sessions, cached under keys of their own directory", async () => {
    const fake = createFakeOpencode();
    fake.instance("/repo/a").addSession({ title: "alpha" });
    fake.instance("/repo/b").addSession({ title: "beta" });
    const client = fakeClient(fake);
    const queryClient = testQueryClient();
    const view = render(
      <OpencodeProvider client={client} queryClient={queryClient}>
        <OpencodeProvider directory="/repo/a">
          <Titles label="a" />
        </OpencodeProvider>
        <OpencodeProvider directory="/repo/b">
          <Titles label="b" />
        </OpencodeProvider>
      </OpencodeProvider>,
    );
    await waitFor(() => expect(screen.getByText("a: alpha")).toBeTruthy());
    await waitFor(() => expect(screen.getByText("b: beta")).toBeTruthy());
    const directories = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => (query.queryKey[1] as { directory: string | null }).directory);
    expect(new Set(directories)).toEqual(new Set(["/repo/a", "/repo/b"]));
    // Both directories' live caches asked for the one shared stream once (this fake has none, so
    // each then fell back to its own /event).
    expect(fake.count("GET", "/global/event")).toBe(1);
    view.unmount();
    client.dispose();
  });

  it("a provider with neither a client nor an enclosing provider says what is missing", () => {
    expect(() => render(<OpencodeProvider directory="/repo/a" />)).toThrow(/needs a `client`/);
  });
});
