import { describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { opencodeKeys } from "../../src/query/keys";
import { fakeFetch, json, raw } from "./http-fake-fetch";

const TOKEN = "tok-secret-123";

describe("a query string in baseUrl (e.g. ?auth_token=, which the server takes as credentials)", () => {
  it("reaches the wire but never the query keys, client.info, errors or instrumentation (token leaked into query keys)", async () => {
    const seen: string[] = [];
    const { fetch, calls } = fakeFetch((request) => (request.url.pathname.endsWith("/session") ? json([]) : raw("nope", 500, "text/plain")));
    const client = createOpencodeClient({
      baseUrl: `http://oc.test:4096/prefix/?auth_token=${TOKEN}`,
      fetch,
      instrument: (event) => seen.push(JSON.stringify(event)),
    });
    await client.sessions.list();
    const failure = (await client.sessions.get("ses_1").catch((error: unknown) => error)) as Error;

    expect(calls[0]!.url.searchParams.get("auth_token")).toBe(TOKEN);
    expect(calls[0]!.url.pathname).toBe("/prefix/session");
    expect(client.info.baseUrl).toBe("http://oc.test:4096/prefix");
    expect(JSON.stringify(opencodeKeys.sessionList(client))).not.toContain(TOKEN);
    expect(failure).toBeInstanceOf(Error);
    expect(`${failure.message} ${String(failure.stack)}`).not.toContain(TOKEN);
    expect(seen).toHaveLength(2);
    for (const line of seen) expect(line).not.toContain(TOKEN);
  });

  it("keeps the token out of the invalid-URL error", () => {
    expect(() => createOpencodeClient({ baseUrl: `not a url?auth_token=${TOKEN}` })).toThrow(/not a valid URL/);
    try {
      createOpencodeClient({ baseUrl: `not a url?auth_token=${TOKEN}` });
    } catch (error) {
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });
});

describe("ids '.' and '..' (sessions.abort('.') posted POST /session/abort)", () => {
  it.each([".", ".."])("rejects %j with a clear error and sends nothing", async (id) => {
    const { fetch, calls } = fakeFetch(() => json(true));
    const client = createOpencodeClient({ baseUrl: "http://oc.test:4096", fetch });
    await expect(client.sessions.abort(id)).rejects.toThrow(/not a valid id/);
    await expect(client.sessions.get(id)).rejects.toThrow(/not a valid id/);
    await expect(client.messages.get("ses_1", id)).rejects.toThrow(/not a valid id/);
    expect(calls).toHaveLength(0);
  });

  it("still accepts ids that merely contain dots", async () => {
    const { fetch, calls } = fakeFetch(() => json(true));
    const client = createOpencodeClient({ baseUrl: "http://oc.test:4096", fetch });
    await client.sessions.abort("ses.1");
    expect(calls[0]!.target).toBe("/session/ses.1/abort");
  });
});
