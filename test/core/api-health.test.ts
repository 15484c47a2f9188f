import { describe, expect, it } from "vitest";
import { InvalidResponseError, UnauthorizedError, UnsupportedServerError } from "../../src/core/errors";
import { json, only, raw, testClient } from "./http-fake-fetch";

describe("api.health", () => {
  it("EP-01 GET /global/health returns {healthy, version}", async () => {
    const { api, calls } = testClient(() => json({ healthy: true, version: "1.18.33" }));
    expect(await api.health()).toEqual({ healthy: true, version: "1.18.33" });
    expect(only(calls).method).toBe("GET");
    expect(only(calls).url.toString()).toBe("http://oc.test:4096/global/health");
  });

  it("CFG-11 is never scoped by directory/workspace but keeps the base query", async () => {
    const { api, calls } = testClient(() => json({ healthy: true, version: "1.18.33" }), {
      baseUrl: "http://h/proxy/oc?token=abc",
      directory: "/d",
      workspace: "wrk_1",
    });
    await api.health();
    expect(only(calls).target).toBe("/proxy/oc/global/health?token=abc");
  });

  it("CFG-03 sends the Authorization header on health too", async () => {
    const { api, calls } = testClient(() => json({ healthy: true, version: "1.18.33" }), { password: "pw" });
    await api.health();
    expect(only(calls).headers.authorization).toBe("Basic b3BlbmNvZGU6cHc=");
  });

  it("rejects OpenCode 2.x (version 2.0.1) with UnsupportedServerError", async () => {
    for (const version of ["2.0.1", "v2.3.0", "10.0.0", "2"]) {
      const { api } = testClient(() => json({ healthy: true, version }));
      const error: unknown = await api.health().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedServerError);
      expect((error as Error).message).toContain("OpenCode 2.x is not supported");
    }
  });

  it("an HTML page on /global/health is UnsupportedServerError", async () => {
    const { api } = testClient(() => raw("<!doctype html>", 200, "text/html"));
    await expect(api.health()).rejects.toBeInstanceOf(UnsupportedServerError);
  });

  it("a 401 (password needed) is UnauthorizedError", async () => {
    const { api } = testClient(() => raw(null, 401));
    await expect(api.health()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("a non-object body is InvalidResponseError; odd fields are normalised", async () => {
    await expect(testClient(() => json([1])).api.health()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(await testClient(() => json({ healthy: "yes" })).api.health()).toEqual({ healthy: false, version: "" });
  });
});
