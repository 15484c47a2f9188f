// Session status changes the reply shows (retry attempts, the bare-string form, a non-object
// status), which mutation testing found unpinned (docs/mutation-testing.md).
import { describe, expect, test } from "vitest";
import { initialReplyState, reduce } from "../../src/core/reply";
import { ev, fold, status } from "../support/reply-events";

const retry = (attempt: number, message = "rate limited", next = 5000) => status("retry", { attempt, message, next });

describe("session.status", () => {
  test("each new retry attempt, message or next time replaces the shown retry", () => {
    const first = fold([retry(1)]);
    expect(first.status).toEqual({ type: "retry", attempt: 1, message: "rate limited", next: 5000 });
    expect(fold([retry(2)], first).status).toEqual({ type: "retry", attempt: 2, message: "rate limited", next: 5000 });
    expect(fold([retry(1, "overloaded")], first).status).toMatchObject({ message: "overloaded" });
    expect(fold([retry(1, "rate limited", 9000)], first).status).toMatchObject({ next: 9000 });
    // The same retry again changes nothing.
    expect(reduce(first, retry(1))).toBe(first);
  });

  test("busy after a retry, and a retry after busy, are changes; busy twice is not", () => {
    const retrying = fold([retry(1)]);
    expect(fold([status("busy")], retrying).status).toEqual({ type: "busy" });
    const busy = fold([status("busy")]);
    expect(fold([retry(1)], busy).status).toMatchObject({ type: "retry", attempt: 1 });
    expect(reduce(busy, status("busy"))).toBe(busy);
  });

  test("a bare string status is read as its type; a status that is neither string nor object is ignored", () => {
    expect(fold([ev("session.status", { status: "busy" })]).status).toEqual({ type: "busy" });
    const busy = fold([status("busy")]);
    expect(fold([ev("session.status", { status: "idle" })], busy).turn).toBe("done");
    const start = initialReplyState("ses_1");
    expect(reduce(start, ev("session.status", { status: 3 }))).toBe(start);
    expect(reduce(start, ev("session.status", {}))).toBe(start);
  });
});
