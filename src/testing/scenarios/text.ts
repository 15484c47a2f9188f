/**
 * Turns that only talk: a streamed greeting ("hello" capture), reasoning then an answer
 * ("reasoning" capture), a slow stream meant to be stopped ("abort" capture), and a server that
 * accepts the prompt and then says nothing (for the watchdog states).
 */
import type { Scenario } from "../scenario-types";
import { endTurn, modelStep, streamPart } from "../scenario-steps";
import { tokensOf } from "../turn-events";

/**
 * Streams a short text in a few deltas, then ends the turn.
 * @param options.chunks The deltas (default: the captured "Hello there! I am a fake model.").
 * @example createFakeOpencode({ scenario: hello({ chunks: ["Hi ", "there."] }) })
 */
export function hello(options: { chunks?: readonly string[] } = {}): Scenario {
  const chunks = options.chunks ?? ["Hello", " there", "! I am", " a fake", " model."];
  return async (turn) => {
    await modelStep(turn, (msg) => streamPart(turn, msg, chunks));
    await endTurn(turn);
  };
}

/**
 * Streams a reasoning part, then the answer, in one step.
 * @example createFakeOpencode({ scenario: reasoning({ answer: ["Forty-two."] }) })
 */
export function reasoning(options: { thinking?: readonly string[]; answer?: readonly string[] } = {}): Scenario {
  const thinking = options.thinking ?? ["Let me ", "think about ", "this carefully."];
  const answer = options.answer ?? ["After ", "thinking: ", "42."];
  return async (turn) => {
    await modelStep(
      turn,
      async (msg) => {
        await streamPart(turn, msg, thinking, "reasoning");
        await streamPart(turn, msg, answer);
      },
      { tokens: tokensOf(10, 12) },
    );
    await endTurn(turn);
  };
}

/**
 * Streams `chunks` words `intervalMs` apart (default 40 × 250 ms, like the recorded slow model),
 * whatever the pace: long enough to press Stop. Aborting it ends the turn as the server does.
 * @example createFakeOpencode({ scenario: slow({ intervalMs: 100 }) })
 */
export function slow(options: { chunks?: number; intervalMs?: number } = {}): Scenario {
  const count = options.chunks ?? 40;
  const chunks = Array.from({ length: count }, (_, i) => `slow${i} `);
  return async (turn) => {
    await modelStep(turn, (msg) => streamPart(turn, msg, chunks, "text", options.intervalMs ?? 250), { tokens: tokensOf(10, count) });
    await endTurn(turn);
  };
}

/**
 * Accepts the prompt and never emits anything (a stuck model): the client's first-event watchdog
 * fires ("stalled"). The turn only ends when it is aborted (or the fake closes).
 * @example createFakeOpencode({ scenario: silent() }) // with useStream(id, { firstEventTimeoutMs: 500 })
 */
export function silent(): Scenario {
  // No timer: a pending timer would keep a test process (or a static Storybook) busy for nothing.
  return (turn) =>
    new Promise<void>((_, reject) => {
      if (turn.signal.aborted) return reject(turn.signal.reason);
      turn.signal.addEventListener("abort", () => reject(turn.signal.reason), { once: true });
    });
}
