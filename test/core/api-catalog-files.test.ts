import { describe, expect, it } from "vitest";
import { BadRequestError, UnsupportedServerError } from "../../src/core/errors";
import { json, only, raw, testClient } from "./http-fake-fetch";

const scoped = { directory: "/my dir", workspace: "wrk_1" };
const scope = "directory=%2Fmy+dir&workspace=wrk_1";

describe("api.catalog routes", () => {
  it("providers: GET /config/providers, scoped -> { providers, default }", async () => {
    const body = { providers: [{ id: "fake", name: "Fake", models: {} }], default: { fake: "fake-model" } };
    const { api, calls } = testClient(() => json(body), scoped);
    expect(await api.catalog.providers()).toEqual(body);
    expect(only(calls)).toMatchObject({ method: "GET", target: `/config/providers?${scope}` });
  });

  it("providerList: GET /provider -> { all, default, connected }; missing lists become []", async () => {
    const { api, calls } = testClient(() => json({ all: [{ id: "a" }], default: { a: "m" } }));
    expect(await api.catalog.providerList()).toEqual({ all: [{ id: "a" }], default: { a: "m" }, connected: [] });
    expect(only(calls).target).toBe("/provider");
  });

  it.each([
    ["agents", "/agent"],
    ["commands", "/command"],
    ["skills", "/skill"],
  ] as const)("%s: GET %s, scoped; a non-array 2xx is []", async (method, path) => {
    const { api, calls } = testClient(() => (calls.length === 1 ? json([{ name: "x" }]) : json({ nope: true })), scoped);
    expect(await api.catalog[method]()).toEqual([{ name: "x" }]);
    expect(await api.catalog[method]()).toEqual([]);
    expect(calls.map((c) => `${c.method} ${c.target}`)).toEqual([`GET ${path}?${scope}`, `GET ${path}?${scope}`]);
  });
});

describe("api.config and api.project routes", () => {
  it("config.get: GET /config; config.update: PATCH /config with the patch as body", async () => {
    const { api, calls } = testClient((r) => (r.method === "GET" ? json({ model: "a/b" }) : json({ username: "me" })), scoped);
    expect(await api.config.get()).toEqual({ model: "a/b" });
    expect(await api.config.update({ username: "me" })).toEqual({ username: "me" });
    expect(calls.map((c) => [c.method, c.target, c.body])).toEqual([
      ["GET", `/config?${scope}`, undefined],
      ["PATCH", `/config?${scope}`, '{"username":"me"}'],
    ]);
    expect(calls[1]?.headers["content-type"]).toBe("application/json");
  });

  it("project.current, project.path: GET /project/current and /path, scoped", async () => {
    const { api, calls } = testClient((r) => json(r.url.pathname === "/path" ? { directory: "/repo" } : { id: "global" }), scoped);
    expect(await api.project.current()).toEqual({ id: "global" });
    expect(await api.project.path()).toEqual({ directory: "/repo" });
    expect(calls.map((c) => c.target)).toEqual([`/project/current?${scope}`, `/path?${scope}`]);
  });

  it("project.vcs: GET /vcs; the server's nulls (no git) become absent keys", async () => {
    const { api, calls } = testClient(() => json(calls.length === 1 ? { branch: null, default_branch: null } : { branch: "main", default_branch: "main" }));
    expect(await api.project.vcs()).toEqual({});
    expect(await api.project.vcs()).toEqual({ branch: "main", default_branch: "main" });
    expect(calls[0]?.target).toBe("/vcs");
  });
});

describe("api.files routes", () => {
  it("find: GET /find/file with query, dirs (as a string), type and limit", async () => {
    const { api, calls } = testClient(() => json(["src/app.ts"]), scoped);
    expect(await api.files.find("app", { dirs: false, type: "file", limit: 5 })).toEqual(["src/app.ts"]);
    expect(only(calls).target).toBe(`/find/file?query=app&dirs=false&type=file&limit=5&${scope}`);
  });

  it("find without filters sends only the query", async () => {
    const { api, calls } = testClient(() => json([]));
    await api.files.find("a b");
    expect(only(calls).target).toBe("/find/file?query=a+b");
  });

  it("findText: GET /find?pattern=; findSymbols: GET /find/symbol?query=", async () => {
    const { api, calls } = testClient(() => json([]));
    await api.files.findText("TODO");
    await api.files.findSymbols("create");
    expect(calls.map((c) => c.target)).toEqual(["/find?pattern=TODO", "/find/symbol?query=create"]);
  });

  it("list, content, status: GET /file?path=, /file/content?path=, /file/status", async () => {
    const { api, calls } = testClient((r) => json(r.url.pathname === "/file/content" ? { type: "text", content: "hi" } : []), scoped);
    expect(await api.files.list("src")).toEqual([]);
    expect(await api.files.content("src/a b.ts")).toEqual({ type: "text", content: "hi" });
    expect(await api.files.status()).toEqual([]);
    expect(calls.map((c) => c.target)).toEqual([`/file?path=src&${scope}`, `/file/content?path=src%2Fa+b.ts&${scope}`, `/file/status?${scope}`]);
  });

  it("a 400 is a BadRequestError with the server's message; an HTML page is UnsupportedServerError", async () => {
    const { api } = testClient((r) =>
      r.url.pathname === "/find/file" ? json({ name: "BadRequest", data: { message: "Missing key query" } }, 400) : raw("<html></html>", 200, "text/html"),
    );
    await expect(api.files.find("")).rejects.toThrow(BadRequestError);
    await expect(api.files.find("")).rejects.toThrow("Missing key query");
    await expect(api.files.status()).rejects.toBeInstanceOf(UnsupportedServerError);
  });
});
