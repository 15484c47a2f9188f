import type { PendingQuestion } from "opencode-react";

type Question = PendingQuestion["questions"][number];

/** The choices made for one question: option labels and free text. */
export interface Answer {
  picked: string[];
  custom: string;
}

interface QuestionFieldProps {
  question: Question;
  answer: Answer;
  disabled: boolean;
  onChange: (answer: Answer) => void;
  onSubmitCustom: () => void;
}

/** One question: its options as buttons (toggles when several may be picked) and, if allowed, free text. */
export function QuestionField({ question, answer, disabled, onChange, onSubmitCustom }: QuestionFieldProps) {
  const toggle = (label: string) => {
    const on = answer.picked.includes(label);
    const picked = question.multiple ? (on ? answer.picked.filter((l) => l !== label) : [...answer.picked, label]) : [label];
    onChange({ ...answer, picked });
  };
  return (
    <fieldset className="question" disabled={disabled}>
      <legend>
        {question.header && <span className="question-header">{question.header}</span>}
        <strong>{question.question}</strong>
        {question.multiple && <span className="muted small"> (pick any)</span>}
      </legend>
      <div className="options">
        {question.options.map((option) => (
          <button
            key={option.label}
            type="button"
            className={`option${answer.picked.includes(option.label) ? " picked" : ""}`}
            aria-pressed={answer.picked.includes(option.label)}
            title={option.description}
            onClick={() => toggle(option.label)}
          >
            <span className="option-label">{option.label}</span>
            {option.description && <span className="option-description">{option.description}</span>}
          </button>
        ))}
      </div>
      {/* The server allows free text unless the question says `custom: false`. */}
      {question.custom !== false && (
        <input
          className="input"
          placeholder="Or type your own answer"
          value={answer.custom}
          onChange={(event) => onChange({ ...answer, custom: event.target.value })}
          onKeyDown={(event) => event.key === "Enter" && onSubmitCustom()}
        />
      )}
    </fieldset>
  );
}
