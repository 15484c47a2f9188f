import { useSessionDiff } from "opencode-react";

/** What the session changed: one line per file with its added/removed line counts. */
export function DiffView({ sessionId }: { sessionId: string }) {
  const { data: files = [] } = useSessionDiff(sessionId);
  if (files.length === 0) return null;
  return (
    <details className="diff-view" data-testid="diff-view">
      <summary>{files.length} changed file{files.length === 1 ? "" : "s"}</summary>
      <ul>
        {files.map((file) => (
          <li key={file.file ?? ""}>
            <code>{file.file}</code> <span className="add">+{file.additions}</span> <span className="del">-{file.deletions}</span>
            {file.patch && <pre>{file.patch}</pre>}
          </li>
        ))}
      </ul>
    </details>
  );
}
