/**
 * What the client does on server lines older than the certified ones (README "Compatibility"),
 * where a route is missing: such a server answers an unknown route with its web UI (200 text/html,
 * real-server.md), or ignores query parameters it does not know. The client must say so with a
 * typed error or fall back as documented, at once, never hang.
 */
import { describe, expect, it } from "vitest";
import { UnsupportedServerError } from "../../src/core/errors";
import { json, raw, testClient } from "./http-fake-fetch";

const WEB_UI = "<!doctype html><html><body>OpenCode</body></html>";
const message = (id: string, role: "user" | "assistant") => ({ info: { id, role, sessionID: "ses_1" }, parts: [] });

describe("a line without questions (before 1.1.7)", () => {
  const { api } = testClient((request) => (request.url.pathname.startsWith("/question") ? raw(WEB_UI, 200, "text/html") : json(true)));

  it("questions.list rejects with UnsupportedServerError naming the route", async () => {
    const error = await api.questions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedServerError);
    expect((error as Error).message).toContain("GET /question");
  });

  it("questions.reply and reject reject with UnsupportedServerError too", async () => {
    await expect(api.questions.reply("que_1", [["Red"]])).rejects.toBeInstanceOf(UnsupportedServerError);
    await expect(api.questions.reject("que_1")).rejects.toBeInstanceOf(UnsupportedServerError);
  });
});

describe("a line without message paging (before ~1.2.26)", () => {
  // Such a server ignores ?limit and ?before and sends no X-Next-Cursor header.
  const all = [message("msg_1", "user"), message("msg_2", "assistant"), message("msg_3", "user"), message("msg_4", "assistant")];
  const { api, calls } = testClient(() => json(all));

  it("messages.list({ limit }) falls back to one page holding every message, with no nextCursor", async () => {
    const page = await api.messages.list("ses_1", { limit: 2 });
    expect(calls.at(-1)?.target).toBe("/session/ses_1/message?limit=2");
    expect(page.items.map((m) => m.info.id)).toEqual(["msg_1", "msg_2", "msg_3", "msg_4"]);
    expect(page.nextCursor).toBeUndefined();
  });
});
