import { useEffect, useState } from "react";
import { OpencodeProvider } from "opencode-react";
import { createFakeOpencode, history, type Scenario, type ScenarioName } from "opencode-react/testing";
import { ChatView } from "./ChatView";

/**
 * Props of {@link ScenarioChat}: plain values, so they show as Storybook controls.
 * @example <ScenarioChat scenario="permission" pace={40} />
 */
export interface ScenarioChatProps {
  /** How the fake answers a prompt ("auto": by the prompt's words, like the demo's model), or a Scenario. */
  scenario: ScenarioName | Scenario;
  /** The prompt the story's play function sends. */
  prompt?: string;
  /** Milliseconds between the scripted events. */
  pace?: number;
  /** Hold the event feed so `server.connected` never arrives (the "connecting" state). */
  holdFeed?: boolean;
  /** useStream's first-event watchdog (default: the library's 120 s). */
  firstEventTimeoutMs?: number;
  /** useStream's mid-turn silence watchdog ("wedged"; default off). */
  idleTimeoutMs?: number;
  /** Seed the session with this many question/answer pairs (2 × messages). */
  historyExchanges?: number;
  /** The prompt's POST fails (500): the send itself fails. */
  failSend?: boolean;
  /** Once the feed is up, the server goes away: the stream ends and reconnects hang. */
  offline?: boolean;
  /** Silence before "Still thinking…" shows. */
  stillThinkingAfterMs?: number;
}

/**
 * A chat on a fake OpenCode server made for this story: a fresh fake and session per mount, the
 * provider on its client, and the demo's conversation view. Prompts are answered by the
 * scenario; nothing leaves the page.
 */
export function ScenarioChat(props: ScenarioChatProps) {
  const { scenario, pace = 0, holdFeed = false, firstEventTimeoutMs, idleTimeoutMs, stillThinkingAfterMs, historyExchanges = 0, failSend = false, offline = false } = props;
  const [setup] = useState(() => {
    const fake = createFakeOpencode({ scenario, pace });
    if (holdFeed) fake.server.hold("GET", "/event");
    if (failSend) fake.server.failNext("POST", /\/prompt_async$/, 500, { name: "UnknownError", data: { message: "The server could not take the prompt" } });
    const title = typeof scenario === "string" ? `Scenario: ${scenario}` : "Scripted scenario";
    const session = fake.addSession({ title, messages: history.conversation(historyExchanges) });
    return { fake, session };
  });
  useEffect(() => {
    if (!offline) return;
    const { client, server } = setup.fake;
    // Wait for the first connection, then take the server away: no more streams until unmount.
    client.events.ready().then(
      () => {
        server.hold("GET", "/event");
        server.closeStreams();
      },
      () => undefined, // unmounted before the feed was up
    );
  }, [setup, offline]);
  useEffect(() => {
    setup.fake.pace = pace;
  }, [setup, pace]);
  // Stop the turn in flight (a slow stream's timers) once the hooks below let go of the feed:
  // parents clean up before children, so wait a task.
  useEffect(() => () => void setTimeout(() => setup.fake.close(), 0), [setup]);
  return (
    <OpencodeProvider client={setup.fake.client}>
      <ChatView
        sessionId={setup.session.id}
        streamOptions={firstEventTimeoutMs === undefined && idleTimeoutMs === undefined ? undefined : { firstEventTimeoutMs, idleTimeoutMs }}
        stillThinkingAfterMs={stillThinkingAfterMs}
      />
    </OpencodeProvider>
  );
}
