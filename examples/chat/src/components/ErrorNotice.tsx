import type { ReactNode } from "react";
import { describeError } from "../lib/errors";

interface ErrorNoticeProps {
  error: Error | { title: string; detail: string };
  compact?: boolean;
  children?: ReactNode;
}

/** A readable error: what happened in words, the server's message below it. */
export function ErrorNotice({ error, compact = false, children }: ErrorNoticeProps) {
  const { title, detail } = error instanceof Error ? describeError(error) : error;
  return (
    <div className={`notice notice-danger${compact ? " compact" : ""}`} role="alert">
      <strong>{title}</strong>
      {detail && <span className="notice-detail">{detail}</span>}
      {children}
    </div>
  );
}
