import { useTodos, type Todo } from "opencode-react";

const ICON: Record<string, string> = { completed: "✓", in_progress: "◐", pending: "○", cancelled: "✕" };

/**
 * The agent's todo list. The live turn's list (`useStream().todos`) while it has one, else the
 * stored list from useTodos, so the plan survives a reload.
 */
export function TodoPanel({ sessionId, liveTodos }: { sessionId: string; liveTodos: readonly Todo[] }) {
  const stored = useTodos(sessionId).data;
  const todos = liveTodos.length > 0 ? liveTodos : (stored ?? []);
  if (todos.length === 0) return null;
  const done = todos.filter((todo) => todo.status === "completed").length;
  return (
    <details className="card todos" open={liveTodos.length > 0} data-testid="todos">
      <summary>
        <strong>Plan</strong>
        <span className="muted small">
          {done}/{todos.length} done
        </span>
      </summary>
      <ul>
        {todos.map((todo, index) => (
          <li key={`${index}:${todo.content}`} className={`todo todo-${todo.status}`}>
            <span className="todo-icon" aria-hidden>
              {ICON[todo.status] ?? "•"}
            </span>
            <span className="todo-content">{todo.content}</span>
            <span className={`tag tag-${todo.priority}`}>{todo.priority}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
