import { describe, expect, test } from "vitest";
import { SessionError } from "../../src/core/errors";
import { initialReplyState, reduce } from "../../src/core/reply";
import { assistantMessage, delta, ev, fold, SID, status, userMessage } from "../support/reply-events";

const sessionError = (error?: unknown) => ev("session.error", error === undefined ? {} : { error });

describe("reply reducer: session status, turn end, errors (STS)", () => {
  test("STS-01 a retry status keeps attempt, message and next; the turn runs", () => {
    const state = fold([status("retry", { attempt: 2, message: "rate limited", next: 99 })]);
    expect(state.status).toEqual({ type: "retry", attempt: 2, message: "rate limited", next: 99 });
    expect(state.turn).toBe("running");
  });

  test("STS-02 a retry without attempt or message gives null and ''", () => {
    expect(fold([status("retry")]).status).toEqual({ type: "retry", attempt: null, message: "", next: null });
  });

  test("STS-03 busy starts the turn; idle ends it (the reducer owns the turn phase)", () => {
    const busy = fold([status("busy")]);
    expect(busy).toMatchObject({ turn: "running", status: { type: "busy" }, turnsEnded: 0 });
    expect(reduce(busy, status("busy"))).toBe(busy);
    expect(reduce(busy, status("idle"))).toMatchObject({ turn: "done", turnsEnded: 1, endedBy: "session.status" });
    const state = initialReplyState(SID);
    expect(reduce(state, status("something-new"))).toBe(state);
  });

  test("the status idle + session.idle pair ends the turn once", () => {
    const ended = fold([status("busy"), status("idle")]);
    expect(reduce(ended, ev("session.idle"))).toBe(ended);
    expect(ended.turnsEnded).toBe(1);
  });

  test("legacy session.idle alone ends the turn (older servers), and a later idle status is a no-op", () => {
    const state = fold([userMessage(), assistantMessage(), delta("p1", "x"), ev("session.idle")]);
    expect(state).toMatchObject({ turn: "done", turnsEnded: 1, endedBy: "session.idle", status: { type: "idle" } });
    expect(reduce(state, status("idle"))).toBe(state);
  });

  test("abort: the idle pair comes twice; the turn ends once and the abort is not an error", () => {
    const state = fold([
      status("busy"),
      delta("p1", "slow0 "),
      sessionError({ name: "MessageAbortedError", data: { message: "Aborted" } }),
      status("idle"),
      ev("session.idle"),
      assistantMessage(),
      status("idle"),
      ev("session.idle"),
    ]);
    expect(state).toMatchObject({ turn: "done", turnsEnded: 1, aborted: true, error: null });
  });

  test("trailing events after the turn ended do not restart it; busy starts a new one", () => {
    const done = fold([status("busy"), status("idle"), assistantMessage(), delta("p1", "late")]);
    expect(done.turn).toBe("done");
    const again = fold([status("busy"), status("idle")], done);
    expect(again).toMatchObject({ turn: "done", turnsEnded: 2 });
  });

  test("a new user message starts a turn (servers without session.status)", () => {
    expect(fold([userMessage()]).turn).toBe("running");
    expect(fold([userMessage("msg_u2")], fold([status("busy"), status("idle")])).turn).toBe("running");
  });

  test("STS-04 session.error becomes a SessionError with 'Name: message'", () => {
    const raw = { name: "APIError", data: { message: "boom" } };
    const state = fold([sessionError(raw)]);
    expect(state.error).toBeInstanceOf(SessionError);
    expect(state.error).toMatchObject({ message: "APIError: boom", errorName: "APIError", body: raw, code: "session" });
    expect(state.aborted).toBe(false);
  });

  test("STS-05 partial errors leave blank halves out", () => {
    expect(fold([sessionError({ name: "Only" })]).error?.message).toBe("Only");
    expect(fold([sessionError({ data: { message: "msg" } })]).error?.message).toBe("msg");
    const none = fold([sessionError()]).error;
    expect(none).toMatchObject({ errorName: "", body: {} });
    expect(fold([sessionError({ name: " ", data: { message: "m" } })]).error?.message).toBe("m");
  });

  test("STS-06 session.error adds no part and does not end the turn", () => {
    const state = fold([status("busy"), sessionError({ name: "UnknownError", data: { message: "x" } })]);
    expect(state).toMatchObject({ turn: "running", partIds: [] });
  });

  test("a repeated abort changes nothing", () => {
    const state = fold([sessionError({ name: "MessageAbortedError" })]);
    expect(reduce(state, sessionError({ name: "MessageAbortedError" }))).toBe(state);
  });
});
