import { useState } from "react";
import { filePart, useRunCommand, type PartInput } from "opencode-react";
import { toError } from "../lib/errors";
import { isTurnActive, type StreamStatus } from "../lib/stream";
import { ErrorNotice } from "./ErrorNotice";
import { ComposerBox } from "./ComposerBox";
import { MentionMenu, mentionAt } from "./MentionMenu";
import { ModelAgentPicker, type PromptChoice } from "./ModelAgentPicker";
import { SlashMenu } from "./SlashMenu";

interface PromptComposerProps {
  sessionId: string;
  status: StreamStatus;
  onSend: (parts: PartInput[], choice: PromptChoice) => Promise<void>;
  onStop: () => Promise<void>;
}

/** The text and file parts of a prompt: every "@path" picked from the menu becomes a file part. */
function promptParts(text: string, files: string[]): PartInput[] {
  const parts: PartInput[] = [{ type: "text", text }];
  for (const path of files) {
    const at = text.indexOf(`@${path}`);
    if (at >= 0) parts.push(filePart(path, { at }));
  }
  return parts;
}

/**
 * The composer with a model/agent picker, a "/" command menu (a "/name args" prompt runs the
 * command) and @file autocomplete (picked files are attached as file parts).
 */
export function PromptComposer({ sessionId, status, onSend, onStop }: PromptComposerProps) {
  const [text, setText] = useState("");
  const [files, setFiles] = useState<string[]>([]);
  const [choice, setChoice] = useState<PromptChoice>({});
  const [error, setError] = useState<Error | null>(null);
  const runCommand = useRunCommand();
  const active = isTurnActive(status) || runCommand.isPending;

  const send = () => {
    const prompt = text.trim();
    if (prompt === "" || active) return;
    setText("");
    setError(null);
    const restore = (reason: unknown) => (setError(toError(reason)), setText(prompt));
    const command = /^\/(\S+)\s*([\s\S]*)$/.exec(prompt);
    if (command) {
      runCommand.mutateAsync({ sessionId, command: command[1] ?? "", arguments: command[2] ?? "", ...choice }).catch(restore);
      return;
    }
    const attached = files;
    setFiles([]);
    onSend(promptParts(prompt, attached), choice).catch(restore);
  };
  const pickMention = (path: string) => {
    const query = mentionAt(text) ?? "";
    setText(`${text.slice(0, text.length - query.length)}${path} `);
    setFiles((list) => [...list, path]);
  };

  return (
    <form className="composer" onSubmit={(event) => (event.preventDefault(), send())}>
      {error && <ErrorNotice error={error} compact />}
      <ModelAgentPicker value={choice} onChange={setChoice} />
      <SlashMenu text={text} onPick={(name) => setText(`/${name} `)} />
      <MentionMenu text={text} onPick={pickMention} />
      <ComposerBox
        text={text}
        onText={setText}
        placeholder="Message the agent…  (/ for commands, @ for files)"
        onSend={send}
        stoppable={isTurnActive(status)}
        onStop={() => void onStop().catch((r: unknown) => setError(toError(r)))}
        busy={active}
      />
    </form>
  );
}
