/**
 * `createFakeOpencode`: an OpenCode server in memory for component tests and stories. A prompt
 * posted to it is answered by a scripted turn replaying what the real server emitted in the
 * recorded captures, so the hooks see the same events, stored messages and statuses they would
 * see from `opencode serve`. Framework-free and browser-safe (fetch, Response, ReadableStream).
 */
import type { Session } from "@opencode-ai/sdk/v2";
import { createOpencodeClient, type OpencodeClient } from "../core/client";
import type { OpencodeClientConfig } from "../core/config";
import type { FakeEvent } from "./fake-feed";
import { createFakeServer, type FakeServer, type RecordedFakeRequest } from "./fake-server";
import { promptEvents } from "./fake-routes";
import { fakeId } from "./ids";
import { projectEvent } from "./project-event";
import { ScenarioRunner } from "./scenario-runner";
import type { Scenario } from "./scenario-types";
import { resolveScenario, type ScenarioName } from "./scenarios";
import { seedMessages, type SeedMessage } from "./seed-history";
import { createTurnController, type TurnController } from "./turn-controller";
import { fakeUserMessage } from "./fake-entities";

/**
 * What {@link FakeOpencode.addSession} takes: session fields, and its history to seed.
 * @example fake.addSession({ title: "Demo", messages: [history.user("hi"), history.assistant("Hello!")] })
 */
export type FakeSessionSeed = Partial<Session> & {
  /** Stored messages, oldest first (built with `history.user` / `history.assistant`). */
  messages?: readonly SeedMessage[];
};

/**
 * Options of {@link FakeOpencode.turn}.
 * @example fake.turn(session.id, { prompt: "Explain the diff" })
 */
export interface FakeTurnOptions {
  /**
   * Post this prompt first (stored and announced as a user message). Without it the turn answers
   * the session's last user message when it has no reply yet, else a new "(prompt)" message.
   */
  prompt?: string;
}

/**
 * Options of {@link createFakeOpencode}.
 * @example createFakeOpencode({ scenario: "permission", pace: 40, client: { directory: "/repo" } })
 */
export interface FakeOpencodeOptions {
  /** The fake's URL (never contacted; default http://fake.opencode:4096). */
  baseUrl?: string;
  /** Milliseconds between the events of a scripted turn (default 0: as fast as possible). */
  pace?: number;
  /** How prompts are answered when nothing is scripted: a name or a Scenario (default "auto": by the prompt's words). */
  scenario?: ScenarioName | Scenario;
  /** More configuration for `client` (its `baseUrl` and `fetch` are the fake's). */
  client?: Omit<OpencodeClientConfig, "baseUrl" | "fetch">;
}

/**
 * A fake OpenCode server with a client on it.
 * @example
 * const fake = createFakeOpencode({ pace: 30 });
 * const session = fake.addSession({ title: "Demo" });
 * render(<OpencodeProvider client={fake.client}><Chat sessionId={session.id} /></OpencodeProvider>);
 */
export interface FakeOpencode {
  readonly baseUrl: string;
  /** The fake's fetch: give it to your own `createOpencodeClient({ baseUrl, fetch })`. */
  readonly fetch: typeof fetch;
  /** A ready client on the fake (one shared event feed, like any client). */
  readonly client: OpencodeClient;
  /** The server underneath: per-directory state, request counts, failures, held routes. */
  readonly server: FakeServer;
  /** Milliseconds between scripted events; change it at any time. */
  pace: number;
  /** Seeds a session (in the client's directory), with its stored history, and returns it. */
  addSession(seed?: FakeSessionSeed): Session;
  /**
   * A controlled turn on the session: its methods (`text`, `reasoning`, `tool`, `ask`, `todo`,
   * `retry`, `fail`, `finish`) emit the server's events at once, synchronously, no timers.
   * Script "none" (or create the fake with `scenario: "none"`) so a sent prompt waits for it.
   */
  turn(sessionId: string, options?: FakeTurnOptions): TurnController;
  /** Emits events to the client's directory as the server would, storing what they say (messages, status, todos, prompts). */
  push(...events: FakeEvent[]): void;
  /** Queues scenarios for the next prompts, one each, before falling back to `options.scenario`. */
  script(...turns: Array<ScenarioName | Scenario>): void;
  /** Every request so far, oldest first (the `/event` ones included). */
  requests(): RecordedFakeRequest[];
  /** Resolves when no scripted turn runs; rejects with an error a scenario threw. */
  settled(): Promise<void>;
  /** Stops the scripted turns and ends the open event streams. Unmount the components first. */
  close(): void;
}

type Dict = Record<string, unknown>;

const bodyOf = (request: RecordedFakeRequest): Dict => (typeof request.body === "object" && request.body !== null ? (request.body as Dict) : {});

/**
 * Creates a fake OpenCode server, and a client on it, answering prompts with scripted turns.
 * @param options Scenario, pace, URL and client settings (see {@link FakeOpencodeOptions}).
 * @example
 * const fake = createFakeOpencode({ scenario: "hello" });
 * const session = fake.addSession();
 * const handle = await fake.client.prompt(session.id, { text: "hello" });
 * await fake.settled(); // the whole turn was emitted
 */
export function createFakeOpencode(options: FakeOpencodeOptions = {}): FakeOpencode {
  const queue: Array<Scenario | undefined> = [];
  const fallback = resolveScenario(options.scenario ?? "auto");
  const directory = options.client?.directory ?? "";
  const runner = new ScenarioRunner(() => fake.pace);

  const startTurn = (request: RecordedFakeRequest, sessionId: string): void => {
    const instance = server.instance(request.directory);
    const user = (instance.messages.get(sessionId) ?? []).filter((m) => m.info.role === "user").at(-1);
    if (user === undefined) return;
    const announce = promptEvents(user);
    // A queued "none" is undefined too: that prompt gets no turn, not the fallback.
    const scenario = queue.length > 0 ? queue.shift() : fallback;
    if (scenario === undefined) {
      for (const event of announce) instance.feed.emit(event);
      return;
    }
    const text = user.parts.map((part) => (part.type === "text" ? part.text : "")).filter(Boolean).join("\n");
    runner.start(instance, { sessionId, directory: request.directory, userMessageId: user.info.id, text, body: request.body }, scenario, announce);
  };

  const server = createFakeServer({
    baseUrl: options.baseUrl,
    announcePrompts: false, // the scripted turn announces its prompt (see ScenarioRunner.start)
    onRouted(request, response) {
      if (request.method !== "POST" || !response.ok) return;
      const [head = "", id = "", action] = request.path.split("/").filter(Boolean);
      const body = bodyOf(request);
      if (head === "session" && action === "prompt_async") startTurn(request, id);
      else if (head === "session" && action === "abort") runner.abort(request.directory, id);
      else if (head === "permission" && action === "reply") runner.answer(id, { reply: body.reply, ...(typeof body.message === "string" ? { message: body.message } : {}) });
      else if (head === "question" && action === "reply") runner.answer(id, body.answers);
      else if (head === "question" && action === "reject") runner.answer(id, null);
    },
  });

  // A fake restarts instantly: reconnect within milliseconds rather than the real 250 ms backoff.
  const client = createOpencodeClient({ events: { backoffInitialMs: 5, backoffMaxMs: 50 }, ...options.client, baseUrl: server.baseUrl, fetch: server.fetch });

  const fake: FakeOpencode = {
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    client,
    server,
    pace: options.pace ?? 0,
    addSession(seed = {}) {
      const { messages = [], ...partial } = seed;
      const instance = server.instance(directory);
      const session = instance.addSession(partial);
      instance.addMessages(session.id, ...seedMessages(session.id, messages));
      return session;
    },
    turn(sessionId, turnOptions = {}) {
      const instance = server.instance(directory);
      const last = (instance.messages.get(sessionId) ?? []).at(-1);
      let userMessageId = last?.info.role === "user" && turnOptions.prompt === undefined ? last.info.id : "";
      if (userMessageId === "") {
        const user = fakeUserMessage(sessionId, turnOptions.prompt ?? "(prompt)", fakeId("msg"));
        instance.addMessages(sessionId, user);
        for (const event of promptEvents(user)) instance.feed.emit(event);
        userMessageId = user.info.id;
      }
      return createTurnController(sessionId, userMessageId, (event) => fake.push(event));
    },
    push(...events) {
      const instance = server.instance(directory);
      for (const event of events) {
        projectEvent(instance, event);
        instance.feed.emit(event);
      }
    },
    script(...turns) {
      for (const turn of turns) queue.push(resolveScenario(turn));
    },
    requests: () => [...server.requests],
    settled: () => runner.settled(),
    close() {
      runner.stopAll();
      server.closeStreams("");
      if (directory !== "") server.closeStreams(directory);
    },
  };
  return fake;
}
