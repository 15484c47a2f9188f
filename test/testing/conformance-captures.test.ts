/**
 * Conformance of the fake server (opencode-react/testing) with the real one: each scripted turn,
 * played on the fake with the prompt and answers of its capture from a real `opencode serve`
 * 1.18.33, produces the same sequence of session events and the same stored messages, ids,
 * times and token counts aside.
 *
 * Compared: message.updated (role, completed), message.part.updated (part type, tool status),
 * message.part.delta, session.status, session.idle, session.error, todo.updated, question.* and
 * permission.* events of the session, consecutive deltas folded. Left out, and not emitted by
 * the fake: session.created/updated/diff (session metadata) and the server re-announcing the
 * user message (with its summary) after each step. permission.asked and the tool's "running"
 * update come in either order from the real server, so that pair is compared in one order.
 */
import { describe, expect, it } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { readCapture, type Capture } from "../support/read-capture";
import { FIXTURES } from "../support/stream-replay";
import { turnUnderTest } from "./turn-harness";
import type { ScenarioName } from "../../src/testing";

type Props = Record<string, unknown> & {
  sessionID?: string;
  info?: { role?: string; sessionID?: string; time?: { completed?: number } };
  part?: { type?: string; sessionID?: string; state?: { status?: string } };
  status?: { type?: string };
};

const LEFT_OUT = new Set(["session.created", "session.updated", "session.diff"]);

function sessionOf(event: WireEvent): string | undefined {
  const props = event.properties as Props;
  return props.sessionID ?? props.info?.sessionID ?? props.part?.sessionID;
}

function label(event: WireEvent): string {
  const props = event.properties as Props;
  if (event.type === "session.status") return `status:${props.status?.type}`;
  if (event.type === "message.updated") return `message:${props.info?.role}${props.info?.time?.completed ? ":completed" : ""}`;
  if (event.type === "message.part.updated") return `part:${props.part?.type}${props.part?.state ? `:${props.part.state.status}` : ""}`;
  return event.type;
}

/** The compared sequence: the session's events, left-outs dropped, the user message announced once, repeats folded. */
function sequence(events: readonly WireEvent[], sessionId: string): string[] {
  let userSeen = false;
  const labels: string[] = [];
  for (const event of events) {
    if (sessionOf(event) !== sessionId || LEFT_OUT.has(event.type)) continue;
    const text = label(event);
    if (text.startsWith("message:user")) {
      if (userSeen) continue;
      userSeen = true;
    }
    // Only deltas fold (their number follows how the model chunks were read): a repeated status or
    // completion is part of what the fake must reproduce.
    if (text === "message.part.delta" && labels.at(-1) === text) continue;
    labels.push(text);
  }
  // The real server emits permission.asked and the tool's running state in either order (its
  // two permission captures differ): compare them in one order.
  for (let i = 1; i < labels.length; i += 1) {
    if (labels[i - 1] === "permission.asked" && labels[i] === "part:tool:running") labels.splice(i - 1, 2, "part:tool:running", "permission.asked");
  }
  return labels;
}

interface StoredMessage {
  info: { role: string; error?: { name?: string } };
  parts: Array<{ type: string; text?: string; tool?: string; state?: { status?: string; output?: string } }>;
}

/** Stored messages without ids, times or counts: roles, errors, and each part's type and content. */
function shape(messages: readonly unknown[]) {
  return (messages as StoredMessage[]).map((message) => ({
    role: message.info.role,
    error: message.info.error?.name,
    parts: message.parts.map((part) => {
      if (part.type === "text" || part.type === "reasoning") return `${part.type}:${part.text}`;
      if (part.type === "tool") return `tool:${part.tool}:${part.state?.status}:${part.state?.output ?? ""}`;
      return part.type;
    }),
  }));
}

function firstOf(capture: Capture, type: string): Record<string, unknown> | undefined {
  return capture.events.find((event) => event.type === type)?.properties as Record<string, unknown> | undefined;
}

const CASES: Array<[capture: string, scenario: ScenarioName]> = [
  ["hello", "hello"],
  ["reasoning", "reasoning"],
  ["todo", "todo"],
  ["error-fatal400", "providerError"],
  ["question-reply", "question"],
  ["tool-permission-once", "permission"],
  ["tool-permission-reject", "permission"],
];

describe("the fake server conforms to the captured real server", () => {
  it.each(CASES)("%s (scenario %s): same event sequence, same stored messages", async (name, scenario) => {
    const capture = readCapture(FIXTURES, name);
    const [userMessage] = capture.messages as StoredMessage[];
    const realSession = (capture.messages[0] as { info: { sessionID: string } }).info.sessionID;
    const prompt = userMessage?.parts.find((part) => part.type === "text")?.text ?? "";
    const turn = await turnUnderTest({ scenario });
    try {
      await turn.store.getState().send(prompt);
      const question = firstOf(capture, "question.replied");
      const permission = firstOf(capture, "permission.replied");
      if (question !== undefined || permission !== undefined) {
        await turn.until((s) => s.status === "awaiting-input");
        if (question !== undefined) {
          const [asked] = await turn.fake.client.questions.list();
          await turn.fake.client.questions.reply(String(asked?.id), question.answers as string[][]);
        } else {
          const [asked] = await turn.fake.client.permissions.list();
          const feedback = (capture.messages as StoredMessage[])
            .flatMap((m) => m.parts)
            .map((part) => (part.state as { error?: string } | undefined)?.error)
            .find((error) => error !== undefined && error.includes("feedback: "));
          await turn.fake.client.permissions.reply(String(asked?.id), permission?.reply as "once" | "reject", feedback?.split("feedback: ")[1]);
        }
      }
      await turn.until((s) => s.result !== null && (s.status === "idle" || s.status === "error"));
      await turn.fake.settled();
      expect(sequence(turn.events, turn.sessionId)).toEqual(sequence(capture.events, realSession));
      const stored = (await turn.fake.client.messages.list(turn.sessionId)).items;
      expect(shape(stored)).toEqual(shape(capture.messages));
    } finally {
      turn.dispose();
    }
  });
});

describe("a controlled turn conforms to the captured real server", () => {
  it("hello, driven step by step (text deltas, then finish): same event sequence, same stored messages", async () => {
    const capture = readCapture(FIXTURES, "hello");
    const realSession = (capture.messages[0] as { info: { sessionID: string } }).info.sessionID;
    const turn = await turnUnderTest({ scenario: "none" });
    try {
      await turn.store.getState().send("hello");
      await turn.until((s) => s.status !== "idle");
      const controller = turn.fake.turn(turn.sessionId);
      for (const chunk of ["Hello", " there", "! I am", " a fake", " model."]) controller.text(chunk);
      controller.finish();
      await turn.until((s) => s.result !== null && s.status === "idle");
      expect(sequence(turn.events, turn.sessionId)).toEqual(sequence(capture.events, realSession));
      const stored = (await turn.fake.client.messages.list(turn.sessionId)).items;
      expect(shape(stored)).toEqual(shape(capture.messages));
    } finally {
      turn.dispose();
    }
  });
});
