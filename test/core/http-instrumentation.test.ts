import { describe, expect, it } from "vitest";
import type { OpencodeClientConfig, RequestInstrumentation } from "../../src/core/config";
import type { Responder } from "./http-fake-fetch";
import { hangingResponder, json, raw, testClient } from "./http-fake-fetch";

const secrets = {
  baseUrl: "http://oc.test:4096/?token=base-secret",
  password: "s3cret-pw",
  directory: "/private/workspace",
  workspace: "workspace-secret",
} satisfies OpencodeClientConfig;
const secretStrings = ["base-secret", "s3cret-pw", btoa("opencode:s3cret-pw"), "/private/workspace", "%2Fprivate%2Fworkspace", "workspace-secret"];

function expectNoSecret(text: string): void {
  for (const secret of secretStrings) expect(text).not.toContain(secret);
}

describe("instrumentation", () => {
  it("INS-02 fires exactly once per successful call with {method, path, status, durationMs}", async () => {
    const { requester, events } = testClient(() => json([]));
    await requester.request("GET", "/session", { query: { limit: 3 } });
    expect(events).toHaveLength(1);
    const event = events[0] as RequestInstrumentation;
    expect(Object.keys(event).sort()).toEqual(["durationMs", "method", "path", "status"]);
    expect(event).toMatchObject({ method: "GET", path: "/session", status: 200 });
    expect(typeof event.durationMs).toBe("number");
    expect(event.durationMs).toBeGreaterThanOrEqual(0);
    expect(event.durationMs).toBeLessThanOrEqual(performance.now()); // a duration, not a timestamp sum
  });

  it("INS-04 fires once on failures, with the mapped error class name", async () => {
    const cases: Array<[Responder, Partial<RequestInstrumentation>]> = [
      [() => json({ name: "NotFoundError", data: { message: "gone" } }, 404), { status: 404, error: "NotFoundError" }],
      [() => raw("boom", 500, "text/plain"), { status: 500, error: "ServerError" }],
      [() => raw("{", 200, "application/json"), { status: 200, error: "InvalidResponseError" }],
      [() => raw("<html>", 200, "text/html"), { status: 200, error: "UnsupportedServerError" }],
      [() => Promise.reject(new TypeError("fetch failed")), { status: undefined, error: "ConnectionError" }],
      [hangingResponder, { status: undefined, error: "TimeoutError" }],
    ];
    for (const [responder, expected] of cases) {
      const { requester, events } = testClient(responder, { timeoutMs: 10 });
      await expect(requester.request("GET", "/session")).rejects.toThrow();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ method: "GET", path: "/session", ...expected });
    }
  });

  it("fires once for a caller abort, named AbortError", async () => {
    const { requester, events } = testClient(hangingResponder);
    await expect(requester.request("GET", "/session", { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(events).toEqual([expect.objectContaining({ path: "/session", error: "AbortError", status: undefined })]);
  });

  it("INS-06 a throwing hook is swallowed and does not change the result", async () => {
    const { requester } = testClient(() => json([1]), {
      instrument: () => {
        throw new Error("hook broke");
      },
    });
    expect(await requester.request("GET", "/session")).toEqual([1]);
  });

  it("INS-03 / LQ-06 the payload never holds the query, password, its base64, directory or workspace", async () => {
    const { api, events } = testClient((request) => (request.url.pathname === "/question" ? json([]) : json({})), secrets);
    await api.questions.list();
    await api.sessions.list({ search: "needle" });
    await api.health();
    expect(events.map((event) => event.path)).toEqual(["/question", "/session", "/global/health"]);
    expectNoSecret(JSON.stringify(events));
    expect(JSON.stringify(events)).not.toContain("needle");
  });

  it("never leaks secrets on error events, and no error message holds the password", async () => {
    const responders: Responder[] = [
      () => raw(null, 401),
      () => json({ name: "NotFoundError", data: { message: "Session not found: ses_1" } }, 404),
      () => json({ _tag: "QuestionNotFoundError", message: "Question request not found: que_1" }, 404),
      () => json({ data: "x" }, 500),
      () => raw("Workspace not found: workspace-x", 500, "text/plain"),
      () => raw("{", 200, "application/json"),
      () => raw("<html>", 200, "text/html"),
      () => Promise.reject(new TypeError("fetch failed")),
      hangingResponder,
    ];
    for (const responder of responders) {
      const { api, events } = testClient(responder, { ...secrets, timeoutMs: 10 });
      const error: unknown = await api.sessions.get("ses_1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expectNoSecret(String((error as Error).message));
      expectNoSecret(JSON.stringify(events));
      expect(events).toHaveLength(1);
    }
  });
});
