import { useState } from "react";
import type { PendingQuestion } from "opencode-react";
import { QuestionField, type Answer } from "./QuestionField";

interface QuestionPromptProps {
  request: PendingQuestion;
  onAnswer: (answers: string[][]) => Promise<void>;
  onReject: () => Promise<void>;
}

/**
 * The agent's question(s). A single single-choice question is answered by one click; otherwise
 * the choices are collected and sent together (one list of labels per question).
 */
export function QuestionPrompt({ request, onAnswer, onReject }: QuestionPromptProps) {
  const [answers, setAnswers] = useState<Answer[]>(() => request.questions.map(() => ({ picked: [], custom: "" })));
  const [busy, setBusy] = useState(false);
  const oneClick = request.questions.length === 1 && request.questions[0]?.multiple !== true;

  const run = (action: () => Promise<void>) => {
    setBusy(true);
    // A refused answer comes back as the hook's `error` (shown by PendingPrompts).
    action()
      .catch(() => {})
      .finally(() => setBusy(false));
  };
  const submit = (list: Answer[]) => run(() => onAnswer(list.map((a) => (a.custom.trim() ? [...a.picked, a.custom.trim()] : a.picked))));
  const ready = answers.every((a) => a.picked.length > 0 || a.custom.trim() !== "");

  return (
    <div className="card prompt prompt-question" data-testid="question-prompt">
      {request.questions.map((question, index) => (
        <QuestionField
          key={index}
          question={question}
          answer={answers[index] ?? { picked: [], custom: "" }}
          disabled={busy}
          onChange={(next) => {
            const list = answers.map((a, i) => (i === index ? next : a));
            setAnswers(list);
            // A click on an option of a lone single-choice question is the answer.
            if (oneClick && next.picked.length > 0 && next.custom === answers[index]?.custom) submit(list);
          }}
          onSubmitCustom={() => ready && submit(answers)}
        />
      ))}
      <div className="prompt-actions">
        {!oneClick && (
          <button className="btn btn-primary" disabled={busy || !ready} onClick={() => submit(answers)}>
            Send answer
          </button>
        )}
        {oneClick && answers[0]?.custom.trim() && (
          <button className="btn btn-primary" disabled={busy} onClick={() => submit(answers)}>
            Send
          </button>
        )}
        <button className="btn btn-ghost" disabled={busy} onClick={() => run(onReject)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
