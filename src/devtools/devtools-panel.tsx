/**
 * The devtools panel: a toggle button, and when open the feed (status, reconnects, last events
 * with types and sizes), each reply store (status, parts, watchdog countdown, pending prompts)
 * and the live cache's queries. Loaded lazily by `OpencodeDevtools` (its own chunk).
 */
import { useState, type CSSProperties, type ReactNode } from "react";
import { useOpencodeContext } from "../react/context";
import type { OpencodeDevtoolsProps } from "./props";
import { useDevtoolsData } from "./use-devtools-data";

const COLORS = { bg: "#14161a", fg: "#e8eaed", dim: "#b0b5bd", line: "#3a3f47", accent: "#8ab4f8" };
const panel: CSSProperties = {
  position: "fixed",
  right: 12,
  bottom: 56,
  width: "min(560px, calc(100vw - 24px))",
  maxHeight: "60vh",
  overflow: "auto",
  background: COLORS.bg,
  color: COLORS.fg,
  border: `1px solid ${COLORS.line}`,
  borderRadius: 8,
  font: "12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace",
  padding: 10,
  zIndex: 2147483000,
};
const toggle: CSSProperties = {
  position: "fixed",
  right: 12,
  bottom: 12,
  zIndex: 2147483001,
  background: COLORS.bg,
  color: COLORS.fg,
  border: `1px solid ${COLORS.line}`,
  borderRadius: 16,
  padding: "6px 12px",
  font: "12px ui-monospace, monospace",
  cursor: "pointer",
};
const cell: CSSProperties = { textAlign: "left", padding: "2px 6px", borderBottom: `1px solid ${COLORS.line}`, whiteSpace: "nowrap" };
const heading: CSSProperties = { fontSize: 12, margin: "10px 0 4px", color: COLORS.accent };

const seconds = (ms: number): string => `${Math.max(0, Math.ceil(ms / 1000))} s`;

function Table({ caption, head, rows, empty }: { caption: string; head: readonly string[]; rows: readonly ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p style={{ color: COLORS.dim, margin: 0 }}>{empty}</p>;
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }}>
      <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" style={{ ...cell, color: COLORS.dim, fontWeight: 600 }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((value, j) => (
              <td key={j} style={cell}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The panel itself (default export: the lazy chunk's entry). Reads the client and QueryClient of
 * the enclosing `<OpencodeProvider>`.
 * @example <DevtoolsPanel initialOpen />
 */
export default function DevtoolsPanel({ initialOpen = false, maxEvents = 50, position = "bottom-right" }: OpencodeDevtoolsProps) {
  const { client, queryClient } = useOpencodeContext();
  const [open, setOpen] = useState(initialOpen);
  const { feed, stores, queries, now } = useDevtoolsData(client, queryClient, maxEvents, open);
  const side: CSSProperties = position === "bottom-left" ? { left: 12, right: "auto" } : {};
  return (
    <>
      <button type="button" style={{ ...toggle, ...side }} aria-expanded={open} aria-controls="opencode-devtools" onClick={() => setOpen(!open)}>
        {open ? "Close devtools" : "OpenCode devtools"}
      </button>
      {open && (
        <section id="opencode-devtools" aria-label="OpenCode devtools" data-testid="opencode-devtools" style={{ ...panel, ...side }}>
          <h2 style={heading}>Feed</h2>
          <p style={{ margin: 0 }} data-testid="devtools-feed">
            status <strong data-testid="devtools-feed-status">{feed.status}</strong> · reconnects <strong>{feed.reconnects}</strong> · errors{" "}
            <strong>{feed.errors}</strong> · events <strong>{feed.totalEvents}</strong>
          </p>
          <Table
            caption="Last events"
            head={["age", "type", "bytes", "session"]}
            empty="No event yet."
            rows={feed.events.slice(0, 12).map((e) => [seconds(now - e.at), e.type, e.bytes, e.sessionId ?? ""])}
          />
          <h2 style={heading}>Reply stores</h2>
          <Table
            caption="Reply stores"
            head={["session", "status", "server", "parts", "prompts", "watchdog", "hooks"]}
            empty="No reply store."
            rows={stores.map((s) => [
              s.sessionId,
              <span data-testid="devtools-store-status">{s.status}</span>,
              s.sessionStatus,
              s.parts,
              s.pendingPrompts,
              s.deadlineAt === null ? "—" : `${s.deadlineKind ?? ""} ${seconds(s.deadlineAt - now)}`,
              s.holders,
            ])}
          />
          <h2 style={heading}>Live cache</h2>
          <Table
            caption="Cached queries"
            head={["query", "status", "fetch", "observers", "stale"]}
            empty="No query cached."
            rows={queries.map((q) => [q.label, q.status, q.fetchStatus, q.observers, q.stale ? "stale" : "fresh"])}
          />
        </section>
      )}
    </>
  );
}
