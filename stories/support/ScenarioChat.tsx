import { useEffect, useState } from "react";
import { OpencodeProvider } from "opencode-react";
import { createFakeOpencode, type Scenario, type ScenarioName } from "opencode-react/testing";
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
  /** Silence before "Still thinking…" shows. */
  stillThinkingAfterMs?: number;
}

/**
 * A chat on a fake OpenCode server made for this story: a fresh fake and session per mount, the
 * provider on its client, and the demo's conversation view. Prompts are answered by the
 * scenario; nothing leaves the page.
 */
export function ScenarioChat({ scenario, pace = 0, holdFeed = false, firstEventTimeoutMs, stillThinkingAfterMs }: ScenarioChatProps) {
  const [setup] = useState(() => {
    const fake = createFakeOpencode({ scenario, pace });
    if (holdFeed) fake.server.hold("GET", "/event");
    const session = fake.addSession({ title: typeof scenario === "string" ? `Scenario: ${scenario}` : "Scripted scenario" });
    return { fake, session };
  });
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
        streamOptions={firstEventTimeoutMs === undefined ? undefined : { firstEventTimeoutMs }}
        stillThinkingAfterMs={stillThinkingAfterMs}
      />
    </OpencodeProvider>
  );
}
