/** Regression: feed option validation (issue 14). A 0 backoff is a hot reconnect loop; a negative timeout silently disabled timeouts. */
import { describe, expect, it } from "vitest";
import { resolveConfig, type EventFeedOptions } from "../../src/core/config";

describe("feed option validation", () => {
  const invalid: Array<[string, EventFeedOptions]> = [
    ["backoffInitialMs: 0 (a hot reconnect loop)", { backoffInitialMs: 0 }],
    ["a negative backoffInitialMs", { backoffInitialMs: -5 }],
    ["a NaN backoffMaxMs", { backoffMaxMs: Number.NaN }],
    ["a cap below the first delay", { backoffInitialMs: 1_000, backoffMaxMs: 500 }],
    ["a negative livenessTimeoutMs", { livenessTimeoutMs: -1 }],
    ["maxFrameBytes: 0", { maxFrameBytes: 0 }],
    ["a negative readyTimeoutMs", { readyTimeoutMs: -1 }],
    ["an unknown transport", { transport: "websocket" as unknown as "auto" }],
  ];
  for (const [what, events] of invalid) {
    it(`rejects ${what} with a TypeError naming the option`, () => {
      const name = Object.keys(events).at(-1) as string;
      expect(() => resolveConfig({ events })).toThrow(TypeError);
      expect(() => resolveConfig({ events })).toThrow(new RegExp(`events\\.${name}`));
    });
  }

  it("rejects a negative timeoutMs instead of silently disabling timeouts; 0 and Infinity mean none", () => {
    expect(() => resolveConfig({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => resolveConfig({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(resolveConfig({ timeoutMs: 0 }).timeoutMs).toBe(0);
    expect(resolveConfig({ timeoutMs: Infinity }).timeoutMs).toBe(0);
  });

  it("keeps valid values and applies the defaults (liveness learned unless given, /global/event tried first)", () => {
    const defaults = resolveConfig().events;
    expect(defaults).toEqual({
      maxFrameBytes: 1024 * 1024,
      livenessTimeoutMs: 35_000,
      learnLiveness: true,
      backoffInitialMs: 250,
      backoffMaxMs: 5_000,
      transport: "auto",
      readyTimeoutMs: 30_000,
    });
    const given = resolveConfig({ events: { livenessTimeoutMs: 0, backoffInitialMs: 10_000, transport: "directory" } }).events;
    expect(given).toMatchObject({ livenessTimeoutMs: 0, learnLiveness: false, backoffInitialMs: 10_000, backoffMaxMs: 10_000, transport: "directory" });
  });
});
