/** The callback sets behind onError / onStatus / onReconnect: removal, and a throwing callback. */
import { expect, it } from "vitest";
import { createEmitter } from "../../src/core/events/emitter";

it("a removed callback is not called again; the same function added twice is called twice", () => {
  const emitter = createEmitter<number>();
  const seen: number[] = [];
  const record = (value: number): void => void seen.push(value);
  const off = emitter.on(record);
  emitter.on(record);
  emitter.emit(1);
  off();
  off();
  emitter.emit(2);
  expect(seen).toEqual([1, 1, 2]);
});

it("a throwing callback is handed to onListenerError and the next ones still run", () => {
  const emitter = createEmitter<string>();
  const boom = new Error("boom");
  const seen: string[] = [];
  emitter.on(() => {
    throw boom;
  });
  emitter.on((value) => seen.push(value));
  const errors: unknown[] = [];
  emitter.emit("a", (error) => errors.push(error));
  expect(errors).toEqual([boom]);
  expect(seen).toEqual(["a"]);
  expect(() => emitter.emit("b")).not.toThrow(); // without a handler the error is dropped
  expect(seen).toEqual(["a", "b"]);
});
