import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  OpencodeError,
  ServerError,
  SessionNotFoundError,
  UnauthorizedError,
} from "../../src/core/errors";
import { errorFromResponse } from "../../src/core/http/error-from-response";
import { json, raw } from "./http-fake-fetch";

const get = { method: "GET", path: "/session/ses_1", hasPassword: false };

// Real bodies captured from opencode 1.18.33 (fixtures/opencode-1.18.33/http-errors.responses.json).
const notFoundBody = { name: "NotFoundError", data: { message: "Session not found: ses_doesnotexist000000000000" } };
const questionNotFoundBody = {
  _tag: "QuestionNotFoundError",
  requestID: "que_unknown000000000000000",
  message: "Question request not found: que_unknown000000000000000",
};
const permissionNotFoundBody = {
  _tag: "PermissionNotFoundError",
  requestID: "per_unknown000000000000000",
  message: "Permission request not found: per_unknown000000000000000",
};
const badRequestBody = { name: "BadRequest", data: { message: 'Expected array, got "nope"\n  at ["parts"]', kind: "Payload" } };
const unknownErrorBody = {
  name: "UnknownError",
  data: { message: "Unexpected server error. Check server logs for details.", ref: "err_3ed2147c" },
};

describe("errorFromResponse", () => {
  it("ERR-05 maps a real 404 NotFoundError body to NotFoundError with data.message", async () => {
    const error = await errorFromResponse(json(notFoundBody, 404), get);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(SessionNotFoundError);
    expect(error.message).toBe("GET /session/ses_1 failed (404): Session not found: ses_doesnotexist000000000000");
    expect(error.status).toBe(404);
    expect(error.body).toEqual(notFoundBody);
    expect(error.code).toBe("not_found");
  });

  it("ERR-05 maps the tagged 404 bodies of questions and permissions (message key)", async () => {
    const question = await errorFromResponse(json(questionNotFoundBody, 404), { ...get, method: "POST", path: "/question/que_x/reply" });
    expect(question).toBeInstanceOf(NotFoundError);
    expect(question.message).toBe("POST /question/que_x/reply failed (404): Question request not found: que_unknown000000000000000");
    const permission = await errorFromResponse(json(permissionNotFoundBody, 404), { ...get, method: "POST", path: "/permission/per_x/reply" });
    expect(permission.message).toContain("Permission request not found");
  });

  it("ERR-06 falls back to _tag, then name, when there is no message", async () => {
    expect((await errorFromResponse(json({ _tag: "BadRequest" }, 400), get)).message).toBe("GET /session/ses_1 failed (400): BadRequest");
    expect((await errorFromResponse(json({ name: "X" }, 500), get)).message).toBe("GET /session/ses_1 failed (500): X");
  });

  it("ERR-06 prefers data.message over message", async () => {
    const error = await errorFromResponse(json({ message: "m1", data: { message: "m2" } }, 422), get);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe("GET /session/ses_1 failed (422): m2");
  });

  it("ERR-07 maps a real 400 validation body to BadRequestError", async () => {
    const error = await errorFromResponse(json(badRequestBody, 400), { ...get, method: "POST", path: "/session/ses_1/prompt_async" });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('POST /session/ses_1/prompt_async failed (400): Expected array, got "nope"\n  at ["parts"]');
    expect(error.body).toEqual(badRequestBody);
  });

  it("ERR-07 maps other 4xx (403, 422, 429) to BadRequestError, 409 to ConflictError", async () => {
    for (const status of [403, 422, 429]) {
      expect(await errorFromResponse(json({ message: "no" }, status), get)).toBeInstanceOf(BadRequestError);
    }
    const busy = await errorFromResponse(json({ _tag: "SessionBusyError", sessionID: "ses_1", message: "Session ses_1 is busy" }, 409), get);
    expect(busy).toBeInstanceOf(ConflictError);
    expect(busy.message).toBe("GET /session/ses_1 failed (409): Session ses_1 is busy");
  });

  it("ERR-07 divergence: an empty 401 is UnauthorizedError saying a password is needed", async () => {
    const error = await errorFromResponse(raw(null, 401), get);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toBe("GET /session/ses_1 failed (401): the server requires a password (set `password` in the client config)");
    expect(error.body).toBeUndefined();
  });

  it("401 with a password configured says the password was rejected", async () => {
    const error = await errorFromResponse(raw("Unauthorized", 401, "text/plain"), { ...get, hasPassword: true });
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toBe("GET /session/ses_1 failed (401): the server rejected the password (check `password` and `username`)");
  });

  it("ERR-08 401 with a non-object JSON body is still UnauthorizedError", async () => {
    for (const body of ["unauthorized", [], null]) {
      expect(await errorFromResponse(json(body, 401), get)).toBeInstanceOf(UnauthorizedError);
    }
  });

  it("ERR-09 plain-text 500 (workspace routing) becomes the message", async () => {
    const error = await errorFromResponse(raw("Workspace not found: wrk_x", 500, "text/plain"), get);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("GET /session/ses_1 failed (500): Workspace not found: wrk_x");
    expect(error.body).toEqual({ message: "Workspace not found: wrk_x" });
  });

  it("ERR-09 a real 500 UnknownError body gives its data.message", async () => {
    const error = await errorFromResponse(json(unknownErrorBody, 500), get);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("GET /session/ses_1 failed (500): Unexpected server error. Check server logs for details.");
  });

  it("ERR-09 truncates long text bodies to 200 characters", async () => {
    const error = await errorFromResponse(raw(`<html>${"x".repeat(1000)}</html>`, 502, "text/html"), get);
    expect(error).toBeInstanceOf(ServerError);
    const detail = error.message.slice("GET /session/ses_1 failed (502): ".length);
    expect(detail).toHaveLength(200);
    expect(detail.endsWith("...")).toBe(true);
  });

  it("ERR-06 a JSON string body is the message; arrays, null and empty bodies use the fallback", async () => {
    expect((await errorFromResponse(json("nope", 400), get)).message).toBe("GET /session/ses_1 failed (400): nope");
    expect((await errorFromResponse(json([1], 404), get)).message).toBe("GET /session/ses_1 failed (404): Not found");
    expect((await errorFromResponse(json(null, 400), get)).message).toBe("GET /session/ses_1 failed (400): Bad request");
    expect((await errorFromResponse(raw("", 503), get)).message).toBe("GET /session/ses_1 failed (503): Server error");
    expect((await errorFromResponse(json({ error: "x" }, 409), get)).message).toBe("GET /session/ses_1 failed (409): Conflict");
  });

  it("ERR-15 a body whose data is a string does not crash and uses the fallback", async () => {
    const error = await errorFromResponse(json({ data: "x" }, 500), get);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("GET /session/ses_1 failed (500): Server error");
    expect(error.body).toEqual({ data: "x" });
  });

  it("ERR-10 other statuses (3xx) give a plain OpencodeError 'Unexpected response'", async () => {
    const error = await errorFromResponse(raw(null, 302), get);
    expect(error.constructor).toBe(OpencodeError);
    expect(error.message).toBe("GET /session/ses_1 failed (302): Unexpected response");
    expect(error.status).toBe(302);
  });

  it("never puts a query string into the message", async () => {
    const error = await errorFromResponse(json(notFoundBody, 404), { ...get, path: "/event?directory=%2Fsecret&auth_token=abc" });
    expect(error.message).toBe("GET /event failed (404): Session not found: ses_doesnotexist000000000000");
  });

  it("a body that fails mid-read still maps by status", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("socket reset"));
      },
    });
    const error = await errorFromResponse(new Response(broken, { status: 500 }), get);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("GET /session/ses_1 failed (500): Server error");
  });
});
