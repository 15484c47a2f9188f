/**
 * Live conformance of the testing kit's fake server (opencode-react/testing) with the real one:
 * the same scripted turns, played through the same client code on a real `opencode serve` (with
 * the scripted model, test/harness) and on `createFakeOpencode()`, give the same sequence of the
 * session's events and the same stored messages, ids, times, costs and token counts aside (see
 * conformance-support.ts for what is normalised, and why each left-out event is left out).
 * The captured counterpart, test/testing/conformance-captures.test.ts, compares the fake with
 * recordings; this one runs the server of today, so a new server version shows its differences.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createOpencodeClient, type OpencodeClient } from "../../src/core";
import { createFakeOpencode, type FakeOpencode } from "../../src/testing";
import { useOpencodeServer } from "../harness/use-server";
import { eventFields, play, sequence, shape, type ConformanceCase, type Recording } from "./conformance-support";
import { fileTimer, prop, SLOW_TEXT } from "./core-support";

const server = useOpencodeServer();
afterAll(fileTimer("conformance-live"));
let real: OpencodeClient | undefined;
const realClient = (): OpencodeClient => (real ??= createOpencodeClient({ baseUrl: server().baseUrl }));
afterAll(() => real?.dispose());

// Answered "once" or rejected only: "always" persists server-wide (real-server.md).
const CASES: ConformanceCase[] = [
  { name: "hello", prompt: "hello" },
  { name: "reasoning", prompt: "reason" },
  { name: "tool with a permission, allowed once", prompt: "tool", answer: { asked: "permission.asked", reply: (client, asked) => client.permissions.reply(prop(asked, "id"), "once") } },
  {
    name: "tool with a permission, rejected with feedback",
    prompt: "tool",
    answer: { asked: "permission.asked", reply: (client, asked) => client.permissions.reply(prop(asked, "id"), "reject", "not here") },
  },
  { name: "question", prompt: "question", answer: { asked: "question.asked", reply: (client, asked) => client.questions.reply(prop(asked, "id"), [["Red"]]) } },
  { name: "todo", prompt: "todo" },
  { name: "abort", prompt: "slow", abortAtFirstDelta: true },
  { name: "provider error", prompt: "fatal400" },
];

/** Both recordings side by side, so a failure message shows the two sequences. */
function sideBySide(name: string, fake: Recording, live: Recording): string {
  return `${name}\n  real: ${sequence(live.events).join(" ")}\n  fake: ${sequence(fake.events).join(" ")}`;
}

describe("the testing kit's fake behaves like the real server, turn for turn", () => {
  it.each(CASES)("$name: same event sequence, same stored messages", async (c) => {
    const fake: FakeOpencode = createFakeOpencode();
    try {
      const onFake = await play(fake.client, c);
      await fake.settled();
      const onReal = await play(realClient(), c);
      const message = sideBySide(c.name, onFake, onReal);
      expect(sequence(onFake.events), message).toEqual(sequence(onReal.events));
      expect(eventFields(onFake.events)).toEqual(eventFields(onReal.events));
      expect(shape(onFake.messages, { full: SLOW_TEXT })).toEqual(shape(onReal.messages, { full: SLOW_TEXT }));
    } finally {
      fake.close();
      fake.client.dispose();
    }
  });
});
