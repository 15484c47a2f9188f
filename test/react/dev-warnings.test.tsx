// @vitest-environment jsdom
/**
 * Development-only warnings: a new client object on every render, and two hooks of one session
 * asking for different store options. Silent when NODE_ENV is "production".
 */
import { render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { OpencodeProvider } from "../../src/react/provider";
import { useStream } from "../../src/react/stream";
import { createFakeOpencode } from "../../src/testing";
import { testQueryClient } from "../support/render-opencode";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Collects console.warn messages from now on. */
function warnings(): string[] {
  const seen: string[] = [];
  vi.spyOn(console, "warn").mockImplementation((message: unknown) => void seen.push(String(message)));
  return seen;
}

describe("development warnings", () => {
  it("warns once when the provider gets a new client object for the same server on re-render", () => {
    const seen = warnings();
    const queryClient = testQueryClient();
    const fake = createFakeOpencode();
    const make = () => createOpencodeClient({ baseUrl: "http://warn-client.test:4096", fetch: fake.fetch });
    const view = render(<OpencodeProvider client={make()} queryClient={queryClient}>x</OpencodeProvider>);
    cleanups.push(view.unmount);
    view.rerender(<OpencodeProvider client={make()} queryClient={queryClient}>x</OpencodeProvider>);
    view.rerender(<OpencodeProvider client={make()} queryClient={queryClient}>x</OpencodeProvider>);
    expect(seen.filter((m) => m.includes("new client object"))).toHaveLength(1);
  });

  it("does not warn for a client of another server or directory, nor for the same client", () => {
    const seen = warnings();
    const queryClient = testQueryClient();
    const fake = createFakeOpencode();
    const a = createOpencodeClient({ baseUrl: "http://warn-a.test:4096", fetch: fake.fetch });
    const view = render(<OpencodeProvider client={a} queryClient={queryClient}>x</OpencodeProvider>);
    cleanups.push(view.unmount);
    view.rerender(<OpencodeProvider client={a} queryClient={queryClient}>x</OpencodeProvider>);
    view.rerender(<OpencodeProvider client={createOpencodeClient({ baseUrl: "http://warn-a.test:4096", directory: "/other", fetch: fake.fetch })} queryClient={queryClient}>x</OpencodeProvider>);
    expect(seen.filter((m) => m.includes("new client object"))).toEqual([]);
  });

  it("warns when two useStream of one session ask for different timeouts", () => {
    const seen = warnings();
    const fake = createFakeOpencode();
    const session = fake.addSession();
    function Two() {
      useStream(session.id, { idleTimeoutMs: 10_000 });
      useStream(session.id, { idleTimeoutMs: 20_000 });
      return null;
    }
    const view = render(<OpencodeProvider client={fake.client} queryClient={testQueryClient()}><Two /></OpencodeProvider>);
    cleanups.push(view.unmount);
    expect(seen.some((m) => m.includes(`session ${session.id}`) && m.includes("idleTimeoutMs"))).toBe(true);
  });

  it("is silent in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const seen = warnings();
    const fake = createFakeOpencode();
    const session = fake.addSession();
    function Two() {
      useStream(session.id, { idleTimeoutMs: 1_000 });
      useStream(session.id, { idleTimeoutMs: 2_000 });
      return null;
    }
    const view = render(<OpencodeProvider client={fake.client} queryClient={testQueryClient()}><Two /></OpencodeProvider>);
    cleanups.push(view.unmount);
    expect(seen).toEqual([]);
  });
});
