/**
 * createReplyStore checks its limits once, at creation (store-options.ts): a value that would make
 * a watchdog fire at once or never, or a throttle that is no number, fails there with a RangeError
 * naming the option; the documented values are accepted.
 */
import { afterEach, describe, expect, test } from "vitest";
import { createReplyStore, type ReplyStoreOptions } from "../../src/core/reply";
import { createFakeReplyClient } from "../support/fake-reply-client";
import { SID } from "../support/reply-events";

const created: Array<{ getState(): { dispose(): void } }> = [];
afterEach(() => {
  for (const store of created.splice(0)) store.getState().dispose();
});

const create = (options: Partial<ReplyStoreOptions>): void => {
  created.push(createReplyStore({ client: createFakeReplyClient(), sessionId: SID, resume: false, ...options }));
};
const windows = ["firstEventTimeoutMs", "idleTimeoutMs", "turnTimeoutMs"] as const;

describe("reply store options", () => {
  test.each(windows)("%s: a string (a value read from a config file) throws a RangeError naming it and the value", (name) => {
    expect(() => create({ [name]: "5000" as unknown as number })).toThrow(RangeError);
    expect(() => create({ [name]: "5000" as unknown as number })).toThrow(`opencode-react: ${name} must be a positive number of ms (Infinity for no limit); got 5000`);
  });

  test.each(windows)("%s: a positive number and Infinity are accepted", (name) => {
    expect(() => create({ [name]: 1 })).not.toThrow();
    expect(() => create({ [name]: Infinity })).not.toThrow();
  });

  test("throttleMs: NaN, a negative or a string throws, naming the value", () => {
    expect(() => create({ throttleMs: Number.NaN })).toThrow('opencode-react: throttleMs must be "frame", 0 (synchronous) or a positive number of ms; got NaN');
    expect(() => create({ throttleMs: -1 })).toThrow(RangeError);
    expect(() => create({ throttleMs: "50" as unknown as number })).toThrow(/throttleMs/);
  });

  test('throttleMs: "frame", 0 and a number of ms are accepted', () => {
    for (const throttleMs of ["frame", 0, 50] as const) expect(() => create({ throttleMs })).not.toThrow();
  });
});
