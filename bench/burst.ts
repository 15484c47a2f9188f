/**
 * Burst latency: the delay from a delta frame leaving the server to the reply store holding it,
 * while a server process writes deltas as fast as it can (or at a set rate) and this process is
 * the client: the real client (HTTP, the shared feed, its SSE parser), a reply store with the
 * default batching. p99 <= 20 ms (one frame plus processing) up to 250k events/s is the target.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createOpencodeClient } from "../src/core/client";
import { createReplyStore } from "../src/core/reply";

const SESSION = "ses_burst";
/** Every delta's text: a fixed length, so the text length tells how many deltas the store holds. */
const TOKEN = "abcdefg ";

/** One burst's figures. */
export interface BurstRow {
  readonly label: string;
  /** Events per second the server actually wrote. */
  readonly rate: number;
  readonly events: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Store updates during the burst. */
  readonly updates: number;
  readonly ms: number;
}

const now = (): number => performance.timeOrigin + performance.now();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (message: { type: string }): void => {
      if (message.type !== type) return;
      child.off("message", on);
      resolve(message as T);
    };
    child.on("message", on);
  });
}

/**
 * Runs the bursts (rates in events/s, 0 = as fast as the server can) and returns their figures.
 * @example const rows = await runBurst([25_000, 250_000, 0], 400);
 */
export async function runBurst(rates: readonly number[], ms: number): Promise<BurstRow[]> {
  const script = fileURLToPath(new URL("../bench/burst-server.mjs", import.meta.url));
  const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const { port } = await nextMessage<{ port: number }>(child, "port");
  const client = createOpencodeClient({ baseUrl: `http://127.0.0.1:${port}` });
  const store = createReplyStore({ client, sessionId: SESSION, resume: false });
  let partId = "";
  let updates: { at: number; count: number }[] = [];
  const off = store.subscribe((state) => {
    const part = state.partsById.get(partId);
    if (part?.type === "text") updates.push({ at: now(), count: part.text.length / TOKEN.length });
  });
  await store.getState().send("burst");
  const rows: BurstRow[] = [];
  try {
    for (const [i, rate] of [25_000, ...rates].entries()) {
      partId = `prt_${i}`;
      updates = [];
      child.send({ type: "burst", partId, rate, ms, token: TOKEN });
      const { sent } = await nextMessage<{ sent: number[] }>(child, "done");
      // Wait until the store holds every delta written (or give up after 2 s).
      const deadline = Date.now() + 2000;
      while ((updates[updates.length - 1]?.count ?? 0) < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const delays: number[] = [];
      let u = 0;
      for (let k = 0; k < sent.length; k++) {
        while (u < updates.length && (updates[u]?.count ?? 0) <= k) u++;
        const held = updates[u];
        if (held === undefined) break;
        delays.push(held.at - (sent[k] as number));
      }
      delays.sort((a, b) => a - b);
      if (i === 0) continue; // warm-up
      const span = (sent[sent.length - 1] ?? 0) - (sent[0] ?? 0);
      rows.push({
        label: rate > 0 ? `${(rate / 1000).toFixed(0)}k events/s` : "as fast as it can",
        rate: span > 0 ? (sent.length * 1000) / span : 0,
        events: sent.length,
        p50: percentile(delays, 50),
        p99: percentile(delays, 99),
        max: delays[delays.length - 1] ?? NaN,
        updates: updates.length,
        ms,
      });
    }
  } finally {
    off();
    store.getState().dispose();
    child.send({ type: "exit" });
  }
  return rows;
}
