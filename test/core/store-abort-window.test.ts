/**
 * The reply store's turn while its abort request is in flight: the turn shows aborted from the
 * moment abort() is called (the next update carries it, before the server answers), and a
 * refused abort only takes back what abort() itself set, never an abort the server reported.
 * Requests are answered by hand; every wait is a positive signal.
 */
import { afterEach, describe, expect, test } from "vitest";
import { distill } from "../../src/core/reply";
import { eventually } from "../support/eventually";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, type Harness } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(disposeHarnesses);

/** An abort whose request is still in flight: the test answers it. */
interface HeldAbort {
  /** The server accepts the abort; resolves once abort() has. */
  accept(): Promise<void>;
  /** The server refuses the abort; resolves to the error abort() rejected with. */
  refuse(): Promise<Error>;
}

/** Calls the store's abort() with `sessions.abort` held by hand; resolves once the request is sent. */
async function abortInFlight(h: Harness): Promise<HeldAbort> {
  const request = deferred<boolean>();
  let calls = 0;
  (h.client.sessions as { abort: (id: string) => Promise<boolean> }).abort = () => {
    calls += 1;
    return request.promise;
  };
  const aborting = h.state().abort();
  await eventually(() => expect(calls).toBe(1));
  return {
    async accept() {
      request.resolve(true);
      await aborting;
    },
    async refuse() {
      const refused = new Error("abort refused");
      request.reject(refused);
      await expect(aborting).rejects.toBe(refused);
      return refused;
    },
  };
}

const abortedError = () => ev("session.error", { error: { name: "MessageAbortedError", data: { message: "Aborted" } } });

describe("reply store: while the abort request is in flight", () => {
  test("a delta that arrives before the server answers shows the turn aborted", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    const held = await abortInFlight(h);
    h.push(delta("p1", " more")); // the server is still streaming: the abort has not landed yet
    expect(h.state()).toMatchObject({ aborted: true, status: "streaming" });
    expect(distill(h.state()).text).toBe("partial more");
    await held.accept();
    h.push(abortedError(), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toEqual({ text: "partial more", aborted: true, error: null });
  });

  test("refused after the server itself reported the turn aborted: the turn stays aborted", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"), abortedError());
    expect(h.state().aborted).toBe(true);
    const held = await abortInFlight(h);
    const refused = await held.refuse();
    expect(h.errors).toEqual([refused]);
    h.push(delta("p1", " tail")); // the next update shows what the reply is now
    expect(h.state()).toMatchObject({ aborted: true, status: "streaming" });
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toMatchObject({ aborted: true, error: null });
  });

  test("refused after the turn ended and the next one started: the new turn is not touched", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "first"));
    const held = await abortInFlight(h);
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    // Another tab's turn starts and the server reports it aborted (its own stop button).
    h.push(status("busy"), userMessage("msg_u2"), delta("p2", "second"), abortedError());
    expect(h.state()).toMatchObject({ aborted: true, status: "streaming" });
    await held.refuse();
    h.push(delta("p2", " tail"));
    expect(h.state()).toMatchObject({ aborted: true, status: "streaming" });
  });

  test("refused after the turn ended: the ended turn keeps the outcome onFinish reported", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    const held = await abortInFlight(h);
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toMatchObject({ aborted: true });
    await held.refuse();
    h.push(ev("session.idle")); // a late event: the next update shows the ended turn as it is
    expect(h.state()).toMatchObject({ aborted: true, status: "idle" });
  });
});
