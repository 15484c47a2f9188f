/**
 * One feed run with a scripted driver: what the runner reports for each attempt, event and failure,
 * the backoff reset by server.connected, and silence after stop() or a fatal error.
 */
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { ConnectionError, OpencodeError } from "../../src/core/errors";
import type { FeedDriver, FeedRun } from "../../src/core/events/feed-driver";
import { startFeedRunner, type RunnerSink } from "../../src/core/events/feed-runner";
import type { WireEvent } from "../../src/core/events/types";

const connected: WireEvent = { type: "server.connected", properties: {} };
const delta: WireEvent = { type: "message.part.delta", properties: { sessionID: "ses_1", delta: "a" } };

function recordingSink(): { sink: RunnerSink; log: string[]; fatal: Error[] } {
  const log: string[] = [];
  const fatal: Error[] = [];
  return {
    log,
    fatal,
    sink: {
      attempting: (first) => log.push(`attempting first=${String(first)}`),
      connected: (event) => log.push(`connected ${event.type}`),
      event: (event, directory) => log.push(`event ${event.type} ${directory ?? "-"}`),
      problem: (error) => log.push(`problem ${error.message}`),
      failed: (error, delayMs, wasConnected) => log.push(`failed ${(error as Error).message} ${delayMs} wasConnected=${String(wasConnected)}`),
      fatal: (error) => fatal.push(error),
    },
  };
}

/** A driver the test drives by hand: it exposes the run and settles when told. */
function scriptedDriver(): { driver: FeedDriver; run: () => FeedRun; reject: (error: unknown) => void } {
  let captured: FeedRun | undefined;
  let rejectRun: (error: unknown) => void = () => undefined;
  const driver: FeedDriver = (_config, run) => {
    captured = run;
    return new Promise<void>((_resolve, reject) => (rejectRun = reject));
  };
  return {
    driver,
    run: () => {
      if (captured === undefined) throw new Error("driver not started");
      return captured;
    },
    reject: (error) => rejectRun(error),
  };
}

const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", events: { backoffInitialMs: 100, backoffMaxMs: 1_000 } });

describe("feed runner", () => {
  it("reports attempts (the first one marked), the first server.connected, events and problems", () => {
    const { sink, log } = recordingSink();
    const scripted = scriptedDriver();
    const runner = startFeedRunner({ config, route: "/global/event", driver: scripted.driver, random: () => 1, sink });
    const run = scripted.run();
    expect(runner.isConnected).toBe(false);
    run.attempting();
    run.handlers.onEvent(delta, "/p"); // before server.connected: still delivered
    run.handlers.onEvent(connected);
    expect(runner.isConnected).toBe(true);
    run.handlers.onEvent(connected); // a second one in the same attempt is a plain event
    run.handlers.onProblem(new OpencodeError("too large"));
    expect(run.failed(new ConnectionError("drop"))).toBe(100);
    expect(runner.isConnected).toBe(false);
    run.attempting();
    expect(run.failed(new ConnectionError("refused"))).toBe(200);
    run.attempting();
    run.handlers.onEvent(connected);
    expect(run.failed(new ConnectionError("drop again"))).toBe(100); // server.connected reset the backoff
    expect(log).toEqual([
      "attempting first=true",
      "event message.part.delta /p",
      "connected server.connected",
      "event server.connected -",
      "problem too large",
      "failed drop 100 wasConnected=true",
      "attempting first=false",
      "failed refused 200 wasConnected=false",
      "attempting first=false",
      "connected server.connected",
      "failed drop again 100 wasConnected=true",
    ]);
  });

  it("a fatal failure is thrown back to the driver and not reported as a retry", () => {
    const { sink, log } = recordingSink();
    const scripted = scriptedDriver();
    startFeedRunner({ config, route: "/event", driver: scripted.driver, sink });
    const unauthorized = new OpencodeError("401", { status: 401 });
    expect(() => scripted.run().failed(unauthorized)).toThrow(unauthorized);
    expect(log).toEqual([]);
  });

  it("after stop() nothing more is reported, the run's signal is aborted and it is not connected", () => {
    const { sink, log, fatal } = recordingSink();
    const scripted = scriptedDriver();
    const runner = startFeedRunner({ config, route: "/event", driver: scripted.driver, sink });
    const run = scripted.run();
    run.attempting();
    run.handlers.onEvent(connected);
    runner.stop();
    runner.stop();
    expect(run.signal.aborted).toBe(true);
    expect(runner.isConnected).toBe(false);
    run.attempting();
    run.handlers.onEvent(delta);
    run.handlers.onProblem(new OpencodeError("late"));
    run.failed(new ConnectionError("aborted"));
    expect(log).toEqual(["attempting first=true", "connected server.connected"]);
    expect(fatal).toEqual([]);
  });

  it("a driver that rejects reports one fatal error (a non-Error wrapped), then nothing more", async () => {
    const { sink, log, fatal } = recordingSink();
    const scripted = scriptedDriver();
    const runner = startFeedRunner({ config, route: "/event", driver: scripted.driver, sink });
    const run = scripted.run();
    run.attempting();
    run.handlers.onEvent(connected);
    scripted.reject("html page");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fatal.map((error) => [error instanceof Error, error.message])).toEqual([[true, "opencode-react: html page"]]);
    expect(runner.isConnected).toBe(false);
    run.handlers.onEvent(delta); // a driver misbehaving after its rejection is ignored
    runner.stop();
    expect(log).toEqual(["attempting first=true", "connected server.connected"]);
  });

  it("a rejection after stop() is not reported", async () => {
    const { sink, fatal } = recordingSink();
    const scripted = scriptedDriver();
    const runner = startFeedRunner({ config, route: "/event", driver: scripted.driver, sink });
    runner.stop();
    const error = new Error("late");
    scripted.reject(error);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fatal).toEqual([]);
  });

  it("an Error rejection is reported as is", async () => {
    const { sink, fatal } = recordingSink();
    const scripted = scriptedDriver();
    startFeedRunner({ config, route: "/event", driver: scripted.driver, sink });
    const error = new OpencodeError("unsupported", { status: 404 });
    scripted.reject(error);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fatal).toEqual([error]);
  });
});
