/** The "is the feed ready" latch that client.prompt waits on: open, fail, reset, abort. */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { createReadiness } from "../../src/core/events/readiness";

describe("readiness latch", () => {
  it("is closed until open(), open until reset(), and a reset does not reject the current waiters", async () => {
    const readiness = createReadiness();
    expect(readiness.isOpen).toBe(false);
    const waiting = readiness.wait();
    readiness.reset();
    readiness.open();
    await expect(waiting).resolves.toBeUndefined();
    expect(readiness.isOpen).toBe(true);
    await expect(readiness.wait()).resolves.toBeUndefined();
    readiness.reset();
    expect(readiness.isOpen).toBe(false);
    let settled = false;
    const next = readiness.wait().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    readiness.open();
    await next;
    expect(settled).toBe(true);
  });

  it("fail() rejects the waiters and later waits until the next reset; it is not open", async () => {
    const readiness = createReadiness();
    const error = new Error("unauthorized");
    const waiting = readiness.wait();
    readiness.fail(error);
    await expect(waiting).rejects.toBe(error);
    await expect(readiness.wait()).rejects.toBe(error);
    expect(readiness.isOpen).toBe(false);
    readiness.reset();
    const again = readiness.wait();
    readiness.open();
    await expect(again).resolves.toBeUndefined();
  });

  it("a wait with an already aborted signal rejects at once with its reason, even when open", async () => {
    const readiness = createReadiness();
    const reason = new Error("gone");
    await expect(readiness.wait(AbortSignal.abort(reason))).rejects.toBe(reason);
    readiness.open();
    await expect(readiness.wait(AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("aborting a pending wait rejects it with the reason; the others keep waiting", async () => {
    const readiness = createReadiness();
    const controller = new AbortController();
    const aborted = readiness.wait(controller.signal);
    const other = readiness.wait();
    const reason = new Error("unmounted");
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    readiness.open();
    await expect(other).resolves.toBeUndefined();
  });

  it("leaves no listener on the caller's signal once a wait settled (opened, failed or aborted)", async () => {
    const readiness = createReadiness();
    const controller = new AbortController();
    const opened = readiness.wait(controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    readiness.open();
    await opened;
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);

    readiness.reset();
    const failed = readiness.wait(controller.signal);
    readiness.fail(new Error("x"));
    await expect(failed).rejects.toThrow("x");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);

    readiness.reset();
    const aborting = new AbortController();
    const aborted = readiness.wait(aborting.signal);
    aborting.abort(new Error("y"));
    await expect(aborted).rejects.toThrow("y");
    expect(getEventListeners(aborting.signal, "abort")).toHaveLength(0);
  });
});
