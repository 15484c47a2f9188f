import { describe, expect, it } from "vitest";
import { ConnectionError, InvalidResponseError, NotFoundError, OpencodeError, TimeoutError, UnsupportedServerError } from "../../src/core/errors";
import { compact } from "../../src/core/http/compact";
import { hangingResponder, json, only, raw, testClient } from "./http-fake-fetch";

describe("requester: headers", () => {
  it("CFG-03 sends Basic auth for password 'pw' with the default user 'opencode'", async () => {
    const { requester, calls } = testClient(() => json([]), { password: "pw" });
    await requester.request("GET", "/session");
    expect(only(calls).headers.authorization).toBe("Basic b3BlbmNvZGU6cHc=");
    expect(only(calls).headers.accept).toBe("application/json");
  });

  it("CFG-03 uses a custom username", async () => {
    const { requester, calls } = testClient(() => json([]), { password: "pw", username: "alice" });
    await requester.request("GET", "/session");
    expect(only(calls).headers.authorization).toBe(`Basic ${btoa("alice:pw")}`);
  });

  it("CFG-04 sends no Authorization without a password, or with a blank one", async () => {
    for (const password of [undefined, "", "   "]) {
      const { requester, calls } = testClient(() => json([]), { password });
      await requester.request("GET", "/session");
      expect(only(calls).headers).not.toHaveProperty("authorization");
    }
  });

  it("CFG-05 divergence: Content-Type only when there is a body", async () => {
    const { requester, calls } = testClient(() => json(true));
    await requester.request("GET", "/session");
    await requester.request("POST", "/session", { body: {} });
    expect(calls[0]?.headers).not.toHaveProperty("content-type");
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[1]?.headers["content-type"]).toBe("application/json");
    expect(calls[1]?.body).toBe("{}");
  });
});

describe("requester: URL", () => {
  it("CFG-09 appends directory then workspace after the base URL's own query, form-encoded", async () => {
    const { requester, calls } = testClient(() => json([]), { baseUrl: "http://h?token=abc&x=1", directory: "/my dir", workspace: "w s" });
    await requester.request("GET", "/session", { query: { limit: 5, roots: true, skip: undefined } });
    expect(only(calls).url.origin).toBe("http://h");
    expect(only(calls).target).toBe("/session?token=abc&x=1&limit=5&roots=true&directory=%2Fmy+dir&workspace=w+s");
  });

  it("CFG-08 divergence: a base URL path prefix is kept", async () => {
    const { requester, calls } = testClient(() => json([]), { baseUrl: "http://h/proxy/oc/" });
    await requester.request("GET", "/session");
    expect(only(calls).url.toString()).toBe("http://h/proxy/oc/session");
  });

  it("CFG-10 no directory/workspace and no base query: no '?' at all", async () => {
    const { requester, calls } = testClient(() => json([]), { directory: " ", workspace: "" });
    await requester.request("GET", "/session");
    expect(only(calls).url.toString()).toBe("http://oc.test:4096/session");
  });

  it("CFG-11 global routes are never scoped but keep the base query", async () => {
    const { requester, calls } = testClient(() => json({}), { baseUrl: "http://h/?token=abc", directory: "/d", workspace: "w" });
    await requester.request("GET", "/global/health");
    expect(only(calls).target).toBe("/global/health?token=abc");
  });
});

describe("requester: bodies", () => {
  it("EP-03/EP-05 compact() drops undefined keys only; false, 0, '', null and [] are kept", () => {
    const input = { a: undefined, b: false, c: [], d: null, e: 0, f: "", g: { h: undefined } };
    expect(compact(input)).toEqual({ b: false, c: [], d: null, e: 0, f: "", g: { h: undefined } });
    expect(Object.keys(compact(input))).toEqual(["b", "c", "d", "e", "f", "g"]);
  });

  it("serialises the body exactly, keeping false and []", async () => {
    const { requester, calls } = testClient(() => json({}));
    await requester.request("POST", "/session", { body: compact({ title: "smoke", permission: [], agent: undefined, noReply: false }) });
    expect(only(calls).body).toBe('{"title":"smoke","permission":[],"noReply":false}');
  });
});

describe("requester: 2xx responses", () => {
  it("ERR-01 returns parsed JSON of any shape", async () => {
    for (const body of [{ a: 1 }, [1], "hello", null, true]) {
      const { requester } = testClient(() => json(body));
      expect(await requester.request("GET", "/x")).toEqual(body);
    }
  });

  it("ERR-02/ERR-03 204 or an empty body: undefined for 'void' and 'optional', InvalidResponseError for 'json'", async () => {
    const { requester } = testClient((request) => (request.url.pathname === "/204" ? raw(null, 204) : raw("  \n", 200)));
    expect(await requester.request("POST", "/204", { expect: "void" })).toBeUndefined();
    expect(await requester.request("GET", "/204", { expect: "optional" })).toBeUndefined();
    expect(await requester.request("GET", "/empty", { expect: "optional" })).toBeUndefined();
    await expect(requester.request("GET", "/empty")).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("'void' ignores whatever body a 2xx sends", async () => {
    const { requester } = testClient(() => raw("not json", 200, "application/json"));
    expect(await requester.request("POST", "/x", { expect: "void" })).toBeUndefined();
  });

  it("ERR-04 a 2xx with invalid JSON raises InvalidResponseError with a 200-character excerpt", async () => {
    const { requester } = testClient(() => raw(`{"broken": ${"y".repeat(500)}`, 200, "application/json"));
    const error: unknown = await requester.request("GET", "/session").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    const message = (error as InvalidResponseError).message;
    expect(message).toMatch(/^GET \/session: invalid JSON in the response \(200\): \{"broken": y+\.\.\.$/);
    expect(message.split("(200): ")[1]).toHaveLength(200);
  });

  it("a 200 text/html page (unknown route or OpenCode 2.x) raises UnsupportedServerError", async () => {
    const { requester } = testClient(() => raw("<!doctype html><html></html>", 200, "text/html; charset=utf-8"));
    const error: unknown = await requester.request("GET", "/no/such/route").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedServerError);
    expect((error as Error).message).toBe(
      "GET /no/such/route: got an HTML page: unknown route, or not an OpenCode 1.x server (OpenCode 2.x uses /api/*)",
    );
    await expect(requester.request("POST", "/x", { expect: "void" })).rejects.toBeInstanceOf(UnsupportedServerError);
  });

  it("exchange() exposes status and headers", async () => {
    const { requester } = testClient(() => json([], 200, { "x-next-cursor": "c1" }));
    const result = await requester.exchange<unknown[]>("GET", "/session/s/message");
    expect(result.status).toBe(200);
    expect(result.headers.get("X-Next-Cursor")).toBe("c1");
    expect(result.data).toEqual([]);
  });
});

describe("requester: failures", () => {
  it("maps non-2xx through errorFromResponse", async () => {
    const { requester } = testClient(() => json({ name: "NotFoundError", data: { message: "Session not found: ses_1" } }, 404));
    const error: unknown = await requester.request("GET", "/session/ses_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe("GET /session/ses_1 failed (404): Session not found: ses_1");
  });

  it("ERR-13/ERR-14 a fetch rejection is a ConnectionError naming the origin (no query, no prefix)", async () => {
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    const { requester } = testClient(() => Promise.reject(refused), { baseUrl: "http://h:9/proxy?token=secret", directory: "/d" });
    const error: unknown = await requester.request("GET", "/session").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toBe("GET /session failed: the OpenCode server is unreachable at http://h:9 (ECONNREFUSED)");
    expect((error as ConnectionError).cause).toBe(refused);
  });

  it("ERR-14 divergence: a reset while reading a 2xx body is a ConnectionError too", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError("terminated"));
      },
    });
    const { requester } = testClient(() => new Response(broken, { status: 200, headers: { "content-type": "application/json" } }));
    await expect(requester.request("GET", "/session")).rejects.toBeInstanceOf(ConnectionError);
  });

  it("ERR-12 a request past timeoutMs is a TimeoutError naming method, path and limit", async () => {
    const { requester, calls } = testClient(hangingResponder, { timeoutMs: 20 });
    const error: unknown = await requester.request("GET", "/session", { query: { search: "secret" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe("GET /session timed out after 20 ms (timeoutMs)");
    expect(only(calls).signal?.aborted).toBe(true);
  });

  it("a per-request timeoutMs overrides the config", async () => {
    const { requester } = testClient(hangingResponder, { timeoutMs: 60_000 });
    await expect(requester.request("GET", "/session", { timeoutMs: 15 })).rejects.toThrow("timed out after 15 ms");
  });

  it("timeoutMs 0 means no timeout", async () => {
    let resolve: (response: Response) => void = () => undefined;
    const { requester, calls } = testClient(() => new Promise<Response>((r) => (resolve = r)), { timeoutMs: 0 });
    const pending = requester.request("GET", "/session");
    await new Promise((r) => setTimeout(r, 40));
    expect(only(calls).signal?.aborted).toBe(false);
    resolve(json([1]));
    expect(await pending).toEqual([1]);
  });

  it("a caller abort rejects with the caller's AbortError, unchanged and unmapped", async () => {
    const { requester } = testClient(hangingResponder, { timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = requester.request("GET", "/session", { signal: controller.signal });
    const reason = new DOMException("user left", "AbortError");
    controller.abort(reason);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(error).not.toBeInstanceOf(OpencodeError);
  });

  it("an already-aborted signal rejects with an AbortError without mapping it", async () => {
    const { requester } = testClient(hangingResponder);
    const error: unknown = await requester.request("GET", "/session", { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(OpencodeError);
  });
});
