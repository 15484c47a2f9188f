/** The status a UI shows, derived from the turn's stage, the watchdogs and the pending prompts (reply-status.ts). */
import { expect, test } from "vitest";
import { deriveReplyStatus, type ReplyStatus, type ReplyStatusInputs } from "../../src/core/reply";

const base: ReplyStatusInputs = { stage: "running", failed: false, stalled: false, wedged: false, firstEventSeen: true, awaitingInput: false };

const cases: Array<[string, Partial<ReplyStatusInputs>, ReplyStatus]> = [
  ["no turn", { stage: "idle" }, "idle"],
  ["waiting for the feed or the POST", { stage: "connecting", firstEventSeen: false }, "connecting"],
  ["the feed never ready: stalled while connecting", { stage: "connecting", stalled: true }, "stalled"],
  ["posted, no event yet", { firstEventSeen: false }, "submitted"],
  ["events flowing", {}, "streaming"],
  ["a question pending", { awaitingInput: true }, "awaiting-input"],
  ["the final fetch under way, a prompt still listed: streaming until it is done", { stage: "finishing", awaitingInput: true }, "streaming"],
  ["the idle watchdog fired while a question is pending: wedged wins (WD-14)", { wedged: true, awaitingInput: true }, "wedged"],
  ["stalled wins over wedged", { stalled: true, wedged: true }, "stalled"],
  ["a failed turn is an error whatever else holds", { failed: true, stalled: true, awaitingInput: true, stage: "idle" }, "error"],
];

test.each(cases)("%s", (_name, inputs, expected) => {
  expect(deriveReplyStatus({ ...base, ...inputs })).toBe(expected);
});
