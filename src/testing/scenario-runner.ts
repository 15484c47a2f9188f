/**
 * Plays scripted turns on the fake server: one turn per session at a time, its events paced,
 * stored (see project-event.ts) before they go out, and ended the server's way when the turn is
 * aborted. Replies to permissions and questions reach a waiting turn through `answer`, called when
 * the fake's reply routes answered (so a refused reply never resumes a turn).
 */
import type { FakeEvent } from "./fake-feed";
import type { FakeInstance } from "./fake-instance";
import { abortTail } from "./abort-tail";
import { fakeId } from "./ids";
import { projectEvent } from "./project-event";
import type { PermissionAnswer, Scenario, ScenarioPrompt, ScenarioTurn } from "./scenario-types";
import { turnEvents } from "./turn-events";
import { createTurnController } from "./turn-controller";

interface ActiveTurn {
  readonly controller: AbortController;
  /** True when the client aborted (the server then emits the abort tail); false when the fake closed. */
  byClient: boolean;
}

/** Resolves after `ms` (a macrotask even for 0); rejects with the signal's reason on abort. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The turns in flight on one fake server.
 * @example
 * const runner = new ScenarioRunner(() => 0);
 * runner.start(instance, prompt, scenarios.hello());
 * await runner.settled();
 */
export class ScenarioRunner {
  private readonly active = new Map<string, ActiveTurn>();
  private readonly waiters = new Map<string, (value: unknown) => void>();
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;

  /** @param pace Milliseconds to wait before each scripted event (read at every event). */
  constructor(private readonly pace: () => number) {}

  /**
   * Starts `scenario` for a prompt; a turn still running on the session is stopped first.
   * `announce` (the prompt's user message events) goes out just before the turn's first event,
   * so a turn that never emits (a wedged server) leaves the feed completely silent.
   */
  start(instance: FakeInstance, prompt: ScenarioPrompt, scenario: Scenario, announce: readonly FakeEvent[] = []): void {
    const key = `${prompt.directory}\n${prompt.sessionId}`;
    this.stopTurn(this.active.get(key), false);
    const active: ActiveTurn = { controller: new AbortController(), byClient: false };
    this.active.set(key, active);
    const { signal } = active.controller;
    const unannounced = [...announce];
    const emit = (event: FakeEvent): void => {
      for (const early of unannounced.splice(0)) instance.feed.emit(early);
      projectEvent(instance, event);
      instance.feed.emit(event);
    };
    const turn = this.turnOf(prompt, signal, emit);
    const run = (async () => {
      try {
        // A macrotask first: the prompt's POST is answered before the turn's first event.
        await delay(0, signal);
        await scenario(turn);
        // A turn that ended without a word still had its prompt stored and announced.
        for (const early of unannounced.splice(0)) instance.feed.emit(early);
      } catch (error) {
        if (!signal.aborted) {
          this.failure ??= error;
          for (const event of turn.events.idle()) emit(event); // never leave a UI waiting on a broken script
        } else if (active.byClient) {
          for (const event of abortTail(instance, prompt.sessionId, prompt.userMessageId)) emit(event);
        }
      } finally {
        if (this.active.get(key) === active) this.active.delete(key);
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** The client aborted the session's turn (`POST /session/:id/abort`). */
  abort(directory: string, sessionId: string): void {
    this.stopTurn(this.active.get(`${directory}\n${sessionId}`), true);
  }

  /** A reply route answered request `requestId` with `value`; resumes the turn waiting on it. */
  answer(requestId: string, value: unknown): void {
    const resolve = this.waiters.get(requestId);
    this.waiters.delete(requestId);
    resolve?.(value);
  }

  /** Stops every turn without the abort tail (the fake is closing). */
  stopAll(): void {
    for (const active of this.active.values()) this.stopTurn(active, false);
  }

  /**
   * Resolves once no turn runs (a turn waiting for the user, or a silent one, keeps it pending);
   * rejects with the first error a scenario threw since the last call.
   */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  private stopTurn(active: ActiveTurn | undefined, byClient: boolean): void {
    if (active === undefined || active.controller.signal.aborted) return;
    active.byClient = byClient;
    active.controller.abort(new DOMException("The scripted turn was aborted.", "AbortError"));
  }

  private waitFor<T>(requestId: string, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener(
        "abort",
        () => {
          this.waiters.delete(requestId);
          reject(signal.reason);
        },
        { once: true },
      );
      this.waiters.set(requestId, (value) => resolve(value as T));
    });
  }

  private turnOf(prompt: ScenarioPrompt, signal: AbortSignal, emit: (event: FakeEvent) => void): ScenarioTurn {
    const paced = async (event: FakeEvent): Promise<void> => {
      const ms = this.pace();
      if (ms > 0) await delay(ms, signal);
      signal.throwIfAborted();
      emit(event);
    };
    const turn: ScenarioTurn = {
      prompt,
      events: turnEvents(prompt.sessionId, prompt.userMessageId),
      signal,
      id: fakeId,
      async emit(...events) {
        for (const item of events) for (const event of Array.isArray(item) ? item : [item]) await paced(event as FakeEvent);
      },
      sleep: (ms) => delay(ms, signal),
      askPermission: async (request) => {
        const id = fakeId("per");
        await paced({ type: "permission.asked", properties: { id, sessionID: prompt.sessionId, always: [], metadata: {}, ...request } });
        return this.waitFor<PermissionAnswer>(id, signal);
      },
      askQuestion: async (questions, tool) => {
        const id = fakeId("que");
        await paced({ type: "question.asked", properties: { id, sessionID: prompt.sessionId, questions, ...(tool ? { tool } : {}) } });
        return this.waitFor<string[][] | null>(id, signal);
      },
      control: () =>
        createTurnController(prompt.sessionId, prompt.userMessageId, (event) => {
          signal.throwIfAborted();
          emit(event);
        }),
    };
    return turn;
  }
}
