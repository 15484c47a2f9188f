/**
 * Error classes as a consumer's bundle sees them: minified (class names become one letter) and,
 * in a monorepo, bundled twice (two OpencodeError classes).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type * as Errors from "../../src/core/errors";

const errorsEntry = fileURLToPath(new URL("../../src/core/errors.ts", import.meta.url));

type ErrorsModule = typeof Errors;

/** Bundles and minifies the errors module the way a consumer's build would, then imports it. */
async function minifiedCopy(): Promise<ErrorsModule> {
  const result = await build({
    entryPoints: [errorsEntry],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  // A query string makes each import a distinct module instance (a second copy of the package).
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString("base64")}#${Math.random()}`)) as ErrorsModule;
}

describe("error classes after a consumer's minifier", () => {
  it("keep their name and code (error name mangled by minification)", async () => {
    const m = await minifiedCopy();
    const cases: Array<[Error & { code: string }, string, string]> = [
      [new m.OpencodeError(), "OpencodeError", "opencode"],
      [new m.BadRequestError(), "BadRequestError", "bad_request"],
      [new m.UnauthorizedError(), "UnauthorizedError", "unauthorized"],
      [new m.NotFoundError(), "NotFoundError", "not_found"],
      [new m.SessionNotFoundError(), "NotFoundError", "not_found"],
      [new m.ConflictError(), "ConflictError", "conflict"],
      [new m.ServerError(), "ServerError", "server"],
      [new m.InvalidResponseError(), "InvalidResponseError", "invalid_response"],
      [new m.UnsupportedServerError(), "UnsupportedServerError", "unsupported_server"],
      [new m.ConnectionError(), "ConnectionError", "connection"],
      [new m.TimeoutError(), "TimeoutError", "timeout"],
      [new m.StaleSessionError(), "StaleSessionError", "stale_session"],
      [new m.IdleStreamError(), "IdleStreamError", "idle_stream"],
      [new m.FrameTooLargeError(), "FrameTooLargeError", "frame_too_large"],
      [new m.MalformedEventError(), "MalformedEventError", "malformed_event"],
      [new m.SessionError("APIError", "quota"), "SessionError", "session"],
    ];
    for (const [error, name, code] of cases) {
      expect({ name: error.name, code: error.code }).toEqual({ name, code });
    }
    expect(String(new m.NotFoundError())).toBe("NotFoundError: NotFoundError");
    expect(new m.NotFoundError("session ses_1 not found").message).toBe("session ses_1 not found");
  });

  it("isOpencodeError recognises an error of another copy of the package (by code)", async () => {
    const first = await minifiedCopy();
    const second = await minifiedCopy();
    const error = new first.NotFoundError("gone", { status: 404 });
    expect(error instanceof second.OpencodeError).toBe(false);
    expect(second.isOpencodeError(error)).toBe(true);
    expect(second.isOpencodeError(new Error("plain"))).toBe(false);
    expect(second.isOpencodeError(Object.assign(new Error("node"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(second.isOpencodeError({ code: "not_found" })).toBe(false);
  });
});
