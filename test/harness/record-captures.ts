/**
 * Records the capture set of one server version into test/fixtures/opencode-<version>/: for each
 * scenario the raw bytes of one `/event` connection (`.sse`), when they arrived (`.timing.jsonl`),
 * the event types (`.types.txt`), the HTTP answers the scenario got (`.<route>.json`) and what the
 * server stored afterwards (`.messages.json`, `.session-after.json`). Paths of the throwaway run
 * folder are rewritten to /srv/demo so captures of different runs compare.
 *
 * Usage: `OPENCODE_VERSION=1.2.27 npx tsx test/harness/record-captures.ts [scenario...]`
 * (installs that server outside the clone first if needed; one server, the scenarios in order).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WireEvent } from "../../src/core/events/types";
import { renderTypes } from "../support/render-types";
import { opencodeVersion } from "./ensure-opencode.mjs";
import { startOpencodeServer, type OpencodeServer } from "./opencode-server.mjs";

/** A recorded HTTP answer, as in the 1.18.33 captures. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What a scenario does once its prompt is posted; `event` runs for every event of the feed. */
interface Scenario {
  name: string;
  prompt: string;
  event?: (event: WireEvent, rec: Recording) => Promise<void>;
}

const SCENARIOS: Scenario[] = [
  { name: "hello", prompt: "hello" },
  {
    name: "tool-permission-once",
    prompt: "tool",
    async event(event, rec) {
      if (event.type !== "permission.asked" && event.type !== "permission.updated") return;
      const id = String(event.properties.id);
      rec.save("permission-list", await rec.call("GET", "/permission"));
      rec.save("permission-reply", await rec.call("POST", `/permission/${id}/reply`, { reply: "once" }));
    },
  },
  {
    name: "question-reply",
    prompt: "question",
    async event(event, rec) {
      if (event.type !== "question.asked") return;
      const id = String(event.properties.id);
      rec.save("question-list", await rec.call("GET", "/question"));
      rec.save("question-reply", await rec.call("POST", `/question/${id}/reply`, { answers: [["Red"]] }));
    },
  },
  {
    name: "abort",
    prompt: "slow",
    async event(event, rec) {
      // Abort after the third streamed chunk (the 1.18.33 capture stopped at "slow0 slow1 slow2 ").
      if (event.type !== "message.part.delta" || ++rec.deltas !== 3) return;
      rec.save("abort-response", await rec.call("POST", `/session/${rec.sessionId}/abort`));
    },
  },
  { name: "retry-flaky500", prompt: "flaky500" },
  { name: "error-fatal400", prompt: "fatal400" },
];

const HEADERS_KEPT = new Set(["content-type", "content-length", "x-next-cursor", "link"]);

class Recording {
  deltas = 0;
  sessionId = "";
  readonly files = new Map<string, string>();
  constructor(
    readonly server: OpencodeServer,
    readonly scenario: string,
  ) {}

  async call(method: string, route: string, body?: unknown): Promise<Answer> {
    const res = await fetch(this.server.baseUrl + route, {
      method,
      headers: { "content-type": "application/json", ...this.server.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => HEADERS_KEPT.has(key) && (headers[key] = value));
    let parsed: unknown = null;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      parsed = text.slice(0, 2000);
    }
    return { status: res.status, headers, body: parsed };
  }

  save(suffix: string, value: unknown): void {
    this.files.set(`${this.scenario}.${suffix}.json`, JSON.stringify(value, null, 2) + "\n");
  }
}

/** Reads `/event` raw, handing each parsed event to `onEvent`; resolves with the bytes and timings when stopped. */
function openFeed(server: OpencodeServer, onEvent: (event: WireEvent) => void) {
  const controller = new AbortController();
  const chunks: Buffer[] = [];
  const timing: string[] = [];
  const t0 = performance.now();
  let lastByte = Date.now();
  const done = (async () => {
    const res = await fetch(`${server.baseUrl}/event`, { headers: { accept: "text/event-stream", ...server.headers }, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`/event: HTTP ${res.status}`);
    const reader = res.body.getReader();
    let pending = "";
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        lastByte = Date.now();
        chunks.push(Buffer.from(value));
        timing.push(JSON.stringify({ t: Math.round((performance.now() - t0) * 1000) / 1000, n: value.byteLength, epoch: Date.now() }));
        pending += Buffer.from(value).toString("utf8");
        let cut;
        while ((cut = pending.indexOf("\n\n")) >= 0) {
          const frame = pending.slice(0, cut);
          pending = pending.slice(cut + 2);
          const data = frame
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).replace(/^ /, ""))
            .join("\n");
          if (data) onEvent(JSON.parse(data) as WireEvent);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })();
  return {
    quietFor: () => Date.now() - lastByte,
    async stop() {
      controller.abort();
      await done.catch(() => undefined);
      return { bytes: Buffer.concat(chunks), timing: timing.join("\n") + "\n" };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function record(server: OpencodeServer, scenario: Scenario): Promise<Map<string, string>> {
  const rec = new Recording(server, scenario.name);
  const events: WireEvent[] = [];
  const work: Promise<void>[] = [];
  const feed = openFeed(server, (event) => {
    events.push(event);
    const sessionOf = event.properties.sessionID ?? (event.properties.info as { id?: string; sessionID?: string } | undefined)?.sessionID;
    if (scenario.event && (sessionOf === undefined || sessionOf === rec.sessionId || event.type.startsWith("permission.") || event.type.startsWith("question."))) {
      work.push(scenario.event(event, rec));
    }
  });
  await until(() => events.some((e) => e.type === "server.connected"), 10_000, "server.connected");
  const created = await rec.call("POST", "/session", {});
  const session = created.body as { id: string };
  rec.sessionId = session.id;
  rec.save("session", session);
  rec.save("prompt_async", await rec.call("POST", `/session/${session.id}/prompt_async`, { parts: [{ type: "text", text: scenario.prompt }] }));
  const idle = (e: WireEvent) => e.type === "session.idle" && e.properties.sessionID === session.id;
  await until(() => events.some(idle), 60_000, `${scenario.name}: session.idle`);
  // Trailing events (the abort's second idle, the final message.updated, session.diff) come after.
  await until(() => feed.quietFor() > 1500, 10_000, "a quiet feed");
  await Promise.all(work);
  const { bytes, timing } = await feed.stop();
  rec.files.set(`${scenario.name}.sse`, bytes.toString("utf8"));
  rec.files.set(`${scenario.name}.timing.jsonl`, timing);
  rec.files.set(`${scenario.name}.types.txt`, renderTypes(events));
  rec.files.set(`${scenario.name}.messages.json`, JSON.stringify((await rec.call("GET", `/session/${session.id}/message`)).body, null, 2) + "\n");
  rec.save("session-after", (await rec.call("GET", `/session/${session.id}`)).body);
  return rec.files;
}

/** Rewrites the throwaway run folder (absolute, and relative as in Session.path) to /srv/demo. */
function anonymize(text: string, runDir: string): string {
  const real = fs.realpathSync(runDir);
  let out = text;
  for (const dir of new Set([real, runDir])) {
    out = out.split(dir).join("/srv/demo").split(dir.slice(1)).join("srv/demo");
  }
  return out;
}

async function main(): Promise<void> {
  const version = opencodeVersion();
  const wanted = process.argv.slice(2);
  const out = fileURLToPath(new URL(`../fixtures/opencode-${version}/`, import.meta.url));
  fs.mkdirSync(out, { recursive: true });
  const server = await startOpencodeServer({ version });
  try {
    for (const scenario of SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
      const started = Date.now();
      const files = await record(server, scenario);
      for (const [name, text] of files) fs.writeFileSync(path.join(out, name), anonymize(text, server.runDir));
      console.log(`${version} ${scenario.name}: ${files.size} files, ${Date.now() - started} ms`);
    }
  } finally {
    await server.stop();
  }
}

// Exit explicitly: idle keep-alive sockets of fetch would hold the process open for minutes.
await main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
