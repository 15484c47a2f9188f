/**
 * A big recorded stream built from real captures: the session events of several turns (text,
 * reasoning, tools, a question, todos) repeated with fresh ids, every delta frame multiplied into
 * many realistic deltas, all on one session; plus the bytes as the feed would read them.
 */
import { readFileSync } from "node:fs";

const FIXTURES = new URL("../test/fixtures/opencode-1.18.33/", import.meta.url);
const CAPTURES = ["hello", "reasoning", "tool-permission-once", "todo", "question-reply"];
const WORDS = ["The ", "quick ", "brown ", "fox ", "jumps ", "over ", "the ", "lazy ", "dog. ", "Streaming ", "tokens ", "arrive ", "in ", "small ", "pieces, ", "é ", "日本 ", "\\n"];

/** The session every frame is rewritten to. */
export const BENCH_SESSION = "ses_bench0000000000000000000";

/** The recorded stream: its bytes (whole, and in 64 kB reads) and its frame count. */
export interface RecordedStream {
  readonly all: Uint8Array;
  readonly chunks: readonly Uint8Array[];
  readonly bytes: number;
  readonly frames: number;
  readonly deltas: number;
}

/** Builds the stream: `sets` repetitions of the captures, each delta frame turned into `perDelta` deltas. */
export function buildStream(sets = 100, perDelta = 50): RecordedStream {
  const templates = CAPTURES.map((name) =>
    readFileSync(new URL(`${name}.sse`, FIXTURES), "utf8")
      .split("\n\n")
      .filter((frame) => frame.startsWith("data: ")),
  );
  const out: string[] = [];
  let deltas = 0;
  let word = 0;
  for (let set = 0; set < sets; set++) {
    for (const frames of templates) {
      for (const template of frames) {
        // Fresh ids per repetition, so every turn is a new turn with new parts.
        const frame = template
          .replace(/\b(msg|prt|evt|que|per)_([A-Za-z0-9]+)/g, `$1_$2r${set}`)
          .replace(/\bses_[A-Za-z0-9]+/g, BENCH_SESSION);
        if (!frame.includes('"type":"message.part.delta"')) {
          out.push(frame);
          continue;
        }
        for (let i = 0; i < perDelta; i++) {
          out.push(frame.replace(/"delta":"(?:[^"\\]|\\.)*"/, `"delta":"${WORDS[word++ % WORDS.length]}"`));
          deltas += 1;
        }
      }
    }
  }
  const text = `${out.join("\n\n")}\n\n`;
  const bytes = new TextEncoder().encode(text);
  return { all: bytes, chunks: chunksOf(bytes, 65536), bytes: bytes.length, frames: out.length, deltas };
}

/**
 * The bytes cut into reads of `size` (views, no copy), as a socket hands them over: the cuts fall
 * anywhere, inside frames and inside UTF-8 characters.
 */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
