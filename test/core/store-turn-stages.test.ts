/** The turn's stage table: the moves it lists, and nothing else. */
import { expect, test } from "vitest";
import { moveTurn, TURN_TABLE, type TurnEvent } from "../../src/core/reply/store/turn-machine";
import type { TurnStage } from "../../src/core/reply";

test("a turn goes idle > connecting > running > finishing > idle through send, posted, idle seen, final fetch done", () => {
  const turn: { stage: TurnStage } = { stage: "idle" };
  const path: TurnStage[] = [];
  for (const event of ["send", "posted", "first event", "awaiting input", "reconnected", "idle seen", "final fetch done"] as const) {
    expect(moveTurn(turn, event)).toBe(true);
    path.push(turn.stage);
  }
  expect(path).toEqual(["connecting", "running", "running", "running", "running", "finishing", "idle"]);
});

test("an event the table does not list for the stage changes nothing", () => {
  const turn: { stage: TurnStage } = { stage: "running" };
  expect(moveTurn(turn, "posted")).toBe(false);
  expect(moveTurn(turn, "send")).toBe(false);
  expect(turn.stage).toBe("running");
  const connecting: { stage: TurnStage } = { stage: "connecting" };
  expect(moveTurn(connecting, "idle seen")).toBe(false);
  expect(connecting.stage).toBe("connecting");
});

test("every stage ends somewhere: abort, timeout and failure lead back to idle", () => {
  const to = (stage: TurnStage, event: TurnEvent) => TURN_TABLE[stage][event];
  expect([to("connecting", "aborted"), to("connecting", "timed out"), to("connecting", "post failed"), to("running", "timed out")]).toEqual(["idle", "idle", "idle", "idle"]);
  expect([to("idle", "turn seen"), to("idle", "resumed"), to("finishing", "turn seen")]).toEqual(["running", "running", "running"]);
});
