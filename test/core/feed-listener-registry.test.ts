/** The hub's subscriber registry on its own: who gets which event, removal during a dispatch, and what a removal frees. */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { createListenerRegistry } from "../../src/core/events/listener-registry";
import type { EventListener, WireEvent } from "../../src/core/events/types";

const delta = (sessionID: string, text = "x"): WireEvent => ({ type: "message.part.delta", properties: { sessionID, delta: text } });
const heartbeat: WireEvent = { type: "server.heartbeat", properties: {} };
const rethrow = (error: unknown): void => {
  throw error;
};

function recorder(): { listener: EventListener; seen: string[] } {
  const seen: string[] = [];
  return { seen, listener: (event) => seen.push(`${event.type}:${String(event.properties.sessionID ?? "")}`) };
}

describe("listener registry", () => {
  it("a subscriber added after its session's events already went by still gets the next one", () => {
    const registry = createListenerRegistry();
    const other = recorder();
    registry.add(other.listener, "ses_2");
    registry.dispatch(delta("ses_1"), rethrow); // nobody listens to ses_1 yet: remembered as "no subscriber"
    const late = recorder();
    registry.add(late.listener, "ses_1");
    registry.dispatch(delta("ses_1"), rethrow);
    expect(late.seen).toEqual(["message.part.delta:ses_1"]);
    expect(other.seen).toEqual([]);
  });

  it("a subscriber removed by an earlier listener of the same dispatch does not get that event", () => {
    const registry = createListenerRegistry();
    const second = recorder();
    let offSecond = (): void => undefined;
    registry.add(() => offSecond(), "ses_1");
    offSecond = registry.add(second.listener, "ses_1");
    registry.dispatch(delta("ses_1"), rethrow);
    expect(second.seen).toEqual([]);
    expect(registry.size).toBe(1);
  });

  it("removing one of a session's two subscribers leaves the other subscribed", () => {
    const registry = createListenerRegistry();
    const first = recorder();
    const second = recorder();
    const offFirst = registry.add(first.listener, "ses_1");
    registry.add(second.listener, "ses_1");
    registry.dispatch(delta("ses_1", "a"), rethrow);
    offFirst();
    offFirst(); // idempotent
    registry.dispatch(delta("ses_1", "b"), rethrow);
    registry.dispatch(heartbeat, rethrow);
    expect(first.seen).toEqual(["message.part.delta:ses_1"]);
    expect(second.seen).toEqual(["message.part.delta:ses_1", "message.part.delta:ses_1", "server.heartbeat:"]);
    expect(registry.size).toBe(1);
  });

  it("removing the middle one of three keeps the first and the last (unscoped and scoped)", () => {
    for (const sessionId of [undefined, "ses_1"]) {
      const registry = createListenerRegistry();
      const [a, b, c] = [recorder(), recorder(), recorder()];
      registry.add(a.listener, sessionId);
      const offB = registry.add(b.listener, sessionId);
      registry.add(c.listener, sessionId);
      offB();
      registry.dispatch(delta("ses_1"), rethrow);
      expect([a.seen.length, b.seen.length, c.seen.length]).toEqual([1, 0, 1]);
    }
  });

  it("an unscoped subscriber removed goes quiet while the session subscribers still get events", () => {
    const registry = createListenerRegistry();
    const all = recorder();
    const scoped = recorder();
    const offAll = registry.add(all.listener, undefined);
    registry.add(scoped.listener, "ses_1");
    offAll();
    registry.dispatch(delta("ses_1"), rethrow);
    registry.dispatch(heartbeat, rethrow);
    expect(all.seen).toEqual([]);
    expect(scoped.seen).toEqual(["message.part.delta:ses_1", "server.heartbeat:"]);
  });

  it("an event without a session goes to the unscoped subscribers only, also right after a session event", () => {
    const registry = createListenerRegistry();
    const all = recorder();
    const scoped = recorder();
    registry.add(all.listener, undefined);
    registry.add(scoped.listener, "ses_1");
    registry.dispatch(delta("ses_1"), rethrow);
    registry.dispatch({ type: "lsp.updated", properties: {} }, rethrow);
    expect(all.seen).toEqual(["message.part.delta:ses_1", "lsp.updated:"]);
    expect(scoped.seen).toEqual(["message.part.delta:ses_1"]);
  });

  it("a throwing listener is reported and the next ones still get the event", () => {
    const registry = createListenerRegistry();
    const after = recorder();
    const boom = new Error("boom");
    registry.add(() => {
      throw boom;
    }, "ses_1");
    registry.add(after.listener, "ses_1");
    const errors: unknown[] = [];
    registry.dispatch(delta("ses_1"), (error) => errors.push(error));
    expect(errors).toEqual([boom]);
    expect(after.seen).toEqual(["message.part.delta:ses_1"]);
  });

  it("a removed listener is not kept alive by the registry (no leak per subscribe/unsubscribe)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    for (const [sessionId, removedFirst] of [
      [undefined, false],
      [undefined, true],
      ["ses_1", false],
      ["ses_1", true],
    ] as const) {
      const registry = createListenerRegistry();
      if (!removedFirst) registry.add(() => undefined, sessionId); // a neighbour that stays, before it
      let ref: WeakRef<EventListener> | undefined;
      (() => {
        const listener: EventListener = () => undefined;
        ref = new WeakRef(listener);
        const off = registry.add(listener, sessionId);
        if (removedFirst) registry.add(() => undefined, sessionId); // or after it
        off();
      })();
      await new Promise((resolve) => setTimeout(resolve, 0)); // WeakRef targets stay alive until the job ends
      gc();
      expect(ref?.deref(), `sessionId ${String(sessionId)}, removed first: ${String(removedFirst)}`).toBeUndefined();
      registry.dispatch(delta("ses_1"), rethrow);
    }
  });
});
