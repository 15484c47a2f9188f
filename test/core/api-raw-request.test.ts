import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Session, VcsFileStatus } from "@opencode-ai/sdk/v2";
import { ConflictError, UnauthorizedError } from "../../src/core/errors";
import { agentPart, filePart, resolveFileParts } from "../../src/core/api";
import { json, raw, testClient } from "./http-fake-fetch";

describe("client.request (escape hatch)", () => {
  it("fills {params}, adds the scope and auth, sends the JSON body, reports to instrumentation", async () => {
    const { api, calls, events } = testClient(() => json({ id: "ses_2" }), { directory: "/repo", password: "pw" });
    const forked = await api.request("POST", "/session/{sessionID}/fork", { params: { sessionID: "ses 1" }, body: { messageID: "msg_1" } });
    expectTypeOf(forked).toEqualTypeOf<Session>();
    expect(forked).toEqual({ id: "ses_2" });
    expect(calls[0]).toMatchObject({ method: "POST", target: "/session/ses%201/fork?directory=%2Frepo", body: '{"messageID":"msg_1"}' });
    expect(calls[0]?.headers.authorization).toBe(`Basic ${btoa("opencode:pw")}`);
    expect(events).toMatchObject([{ method: "POST", path: "/session/ses%201/fork", status: 200 }]);
    expect(JSON.stringify(events)).not.toContain("pw");
  });

  it("query values go to the query string; global routes are not scoped; 204 resolves undefined", async () => {
    const { api, calls } = testClient((r) => (r.url.pathname === "/vcs/status" ? json([]) : new Response(null, { status: 204 })), { directory: "/repo" });
    const status = await api.request("GET", "/vcs/status");
    expectTypeOf(status).toEqualTypeOf<VcsFileStatus[]>();
    expect(await api.request("POST", "/global/dispose")).toBeUndefined();
    await api.request("GET", "/find/file", { query: { query: "app", limit: 3 } });
    expect(calls.map((c) => c.target)).toEqual(["/vcs/status?directory=%2Frepo", "/global/dispose", "/find/file?query=app&limit=3&directory=%2Frepo"]);
  });

  it("a path outside the SDK's table is allowed and typed unknown", async () => {
    const { api, calls } = testClient(() => json({ ok: 1 }));
    const value = await api.request("GET", "/experimental/new-thing", { query: { a: true } });
    expectTypeOf(value).toEqualTypeOf<unknown>();
    expect(calls[0]?.target).toBe("/experimental/new-thing?a=true");
  });

  it("errors are the typed errors of every other call", async () => {
    const { api } = testClient((r) => (r.method === "DELETE" ? json({ _tag: "SessionBusyError", message: "busy" }, 409) : raw("", 401)));
    await expect(api.request("DELETE", "/session/{sessionID}/message/{messageID}", { params: { sessionID: "s", messageID: "m" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(api.request("GET", "/lsp")).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("a missing param, a relative path or a path with a query is a TypeError before any request", async () => {
    const { api, calls } = testClient(() => json({}));
    await expect(api.request("POST", "/session/{sessionID}/fork", { params: {} as { sessionID: string } })).rejects.toThrow("params.sessionID");
    await expect(api.request("GET", "session")).rejects.toThrow(TypeError);
    await expect(api.request("GET", "/session?x=1")).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it("the committed SDK route table matches the installed @opencode-ai/sdk (re-run scripts/gen-sdk-routes.mjs)", () => {
    const generated = execFileSync(process.execPath, ["--input-type=module", "-e", 'import("./scripts/gen-sdk-routes.mjs").then((m) => process.stdout.write(m.buildSdkRoutes()))'], { encoding: "utf8" });
    expect(generated).toBe(fs.readFileSync("src/core/api/sdk-routes.ts", "utf8"));
    expect(generated).toContain('"POST /session/{sessionID}/fork": { data: Sdk.SessionForkData; responses: Sdk.SessionForkResponses }');
  });
});

describe("mention parts", () => {
  it("filePart with a directory: absolute file:// URL, basename, text mime, @mention source at the offset", () => {
    expect(filePart("src/app.ts", { directory: "/repo/", at: 8 })).toEqual({
      type: "file",
      mime: "text/plain",
      url: "file:///repo/src/app.ts",
      filename: "app.ts",
      source: { type: "file", path: "/repo/src/app.ts", text: { value: "@src/app.ts", start: 8, end: 19 } },
    });
  });

  it("filePart: mime from the extension, a directory for a trailing '/', spaces encoded in the URL", () => {
    expect(filePart("/r/a.png").mime).toBe("image/png");
    expect(filePart("/r/docs/").mime).toBe("application/x-directory");
    expect(filePart("/r/my file.ts").url).toBe("file:///r/my%20file.ts");
    expect(() => filePart("")).toThrow(TypeError);
  });

  it("a relative filePart without a directory is resolved when sent (GET /path once per client)", async () => {
    const { api, calls } = testClient((r) => (r.url.pathname === "/path" ? json({ directory: "/proj" }) : new Response(null, { status: 204 })));
    await api.messages.sendAsync("ses_1", { parts: [{ type: "text", text: "see @src/a.ts" }, filePart("src/a.ts", { at: 4 })] });
    await api.messages.sendAsync("ses_1", { parts: [filePart("b.ts")] });
    expect(calls.map((c) => c.target)).toEqual(["/path", "/session/ses_1/prompt_async", "/session/ses_1/prompt_async"]);
    const first = JSON.parse(calls[1]?.body ?? "{}") as { parts: { url?: string; source?: { path: string } }[] };
    expect(first.parts[1]).toMatchObject({ url: "file:///proj/src/a.ts", source: { path: "/proj/src/a.ts" } });
    expect(JSON.parse(calls[2]?.body ?? "{}")).toMatchObject({ parts: [{ url: "file:///proj/b.ts" }] });
  });

  it("prompts without relative files never ask for the directory", async () => {
    const { api, calls } = testClient(() => new Response(null, { status: 204 }));
    await api.messages.sendAsync("ses_1", { parts: [filePart("/abs/a.ts"), agentPart("plan")] });
    expect(calls.map((c) => c.target)).toEqual(["/session/ses_1/prompt_async"]);
  });

  it("agentPart: { type: 'agent', name, source } with the @name offsets", () => {
    expect(agentPart("@plan", { at: 3 })).toEqual({ type: "agent", name: "plan", source: { value: "@plan", start: 3, end: 8 } });
    expect(() => agentPart("@")).toThrow(TypeError);
  });

  it("resolveFileParts leaves other parts and absolute URLs untouched", () => {
    const parts = [{ type: "text" as const, text: "x" }, filePart("/a/b.ts")];
    expect(resolveFileParts(parts, "/r")).toEqual(parts);
  });
});
