/**
 * Two reconnects of the feed whose re-syncs overlap: the second re-lists the pending questions and
 * permissions while the first's lists are still in flight. A request the feed resolves after the
 * first lists came back but before the second's did must not be brought back by the second.
 * Every wait is a positive signal (the state the user would see).
 */
import { afterEach, describe, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { eventually } from "../support/eventually";
import { assistantMessage, delta, ev, SID, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(() => disposeHarnesses());

const question = (id: string) => ({ id, sessionID: SID, questions: [{ question: "Which?", header: "Pick", options: [] }] });
const permission = (id: string) => ({ id, sessionID: SID, permission: "bash", patterns: ["ls"], always: [], metadata: {} });

const cases: Array<[string, "questions" | "permissions", () => WireEvent]> = [
  ["question.replied", "questions", () => ev("question.replied", { requestID: "req_1", answers: [["A"]] })],
  ["permission.replied", "permissions", () => ev("permission.replied", { requestID: "req_1", reply: "once" })],
];

describe("reply store: overlapping reconnects", () => {
  test.each(cases)("a request resolved on the feed (%s) after the first re-sync's lists came back is not brought back by the second's", async (_name, kind, resolve) => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), assistantMessage(), delta("p1", "so far"));
    const item = kind === "questions" ? question : permission;
    const lists = [deferred<readonly unknown[]>(), deferred<readonly unknown[]>()];
    let asked = 0;
    const answer = (): Promise<readonly unknown[]> => lists[asked++]?.promise ?? Promise.resolve([]);
    if (kind === "questions") h.client.questionsAnswer = answer;
    else h.client.permissionsAnswer = answer;
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(asked).toBe(1));
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(asked).toBe(2)); // both re-syncs are waiting for their lists
    lists[0]?.resolve([item("req_1")]);
    await eventually(() => expect(Object.keys(h.state()[kind])).toEqual(["req_1"]));
    h.push(resolve()); // answered in another tab, after the first lists but before the second
    expect(h.state()[kind]).toEqual({});
    // The second lists were taken before the answer: they still show req_1.
    lists[1]?.resolve([item("req_1"), item("req_2")]);
    await eventually(() => expect(Object.keys(h.state()[kind])).toEqual(["req_2"]));
    expect(h.errors).toEqual([]);
  });
});
