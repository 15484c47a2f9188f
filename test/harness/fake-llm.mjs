#!/usr/bin/env node
// Scripted OpenAI-compatible chat-completions server that drives a real `opencode serve` offline.
// Plain Node, no dependencies, binds 127.0.0.1 only. Use it as a module (startFakeLlm) or a CLI:
//
//   node test/harness/fake-llm.mjs [--port 0] [--log requests.jsonl]
//   -> prints "FAKE_LLM_LISTENING http://127.0.0.1:<port>/v1" once listening.
//
// The turn is picked from the text of the LAST USER message (case-insensitive, first match wins):
//   title request (system prompt asks to generate a title, no tools) -> text "Fake title"
//   last message is a tool result -> text "Tool result received: <first 80 chars>"
//   "fatal400"  -> HTTP 400 (non-retryable => session.error)
//   "fatal401"  -> HTTP 401 (auth error => session.error)
//   "always500" -> HTTP 500 every time (opencode retries forever; abort it)
//   "flaky500"  -> HTTP 500 on the first 2 attempts of this conversation step, then "You said: ..."
//   "ratelimit" -> HTTP 429 (retry-after: 1) on the first attempt, then "You said: ..."
//   "midstream" -> 1st attempt: 2 text chunks, an in-band SSE error, EOF; later attempts: text
//   "slow"      -> 40 text chunks 250 ms apart (for abort)
//   "bulk N [pace M]" -> N one-char chunks as fast as possible (default 5000, max 200000);
//                        with pace, sleep 1 ms after every M chunks
//   "reason"    -> reasoning_content chunks, then text "After thinking: 42."
//   "question"  -> tool call `question` (one question, options Red / Blue)
//   "todo"      -> tool call `todowrite` (3 todos)
//   "multitool" -> two parallel bash tool calls (echo one, echo two) in one step
//   "tool"      -> bash tool call `echo hi` ("tool cmd=pwd" runs `pwd` instead)
//   "hello"     -> "Hello there! I am a fake model." in 5 chunks, 20 ms apart
//   anything else -> "You said: <text>"
import http from "node:http";
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { playTurn, sendError, Stream, textOf } from "./fake-llm-turns.mjs";

/**
 * Starts the scripted model server on 127.0.0.1.
 * @param {{ port?: number, log?: string | ((entry: object) => void) }} [options]
 *   port: 0 (default) picks a free one; log: a JSONL file path or a callback receiving each entry.
 * @returns {Promise<{ url: string, port: number, requests(): object[], close(): Promise<void> }>}
 *   url ends in /v1 (the provider baseURL); requests() lists the logged chat requests so far.
 */
export function startFakeLlm({ port = 0, log } = {}) {
  // Per-instance state, so several in-process servers do not share retry counters.
  const attempts = new Map(); // conversation step -> attempt count (flaky500 / ratelimit / midstream)
  const entries = [];
  let counter = 0;
  const record = (entry) => {
    const e = { t: Date.now(), ...entry };
    if (e.kind === "request") entries.push(e);
    if (typeof log === "function") log(e);
    else if (log) {
      try {
        fs.appendFileSync(log, JSON.stringify(e) + "\n");
      } catch {
        // A broken log file must not break a turn.
      }
    }
  };

  async function handleChat(res, body) {
    const ac = new AbortController();
    res.on("close", () => ac.abort());
    const id = `chatcmpl-fake-${++counter}`;
    const model = body.model ?? "fake-model";
    const msgs = Array.isArray(body.messages) ? body.messages : [];
    const system = msgs.filter((m) => m.role === "system").map((m) => textOf(m.content)).join("\n");
    const userText = textOf([...msgs].reverse().find((m) => m.role === "user")?.content ?? "");
    const last = msgs[msgs.length - 1];
    const tools = (body.tools ?? []).map((t) => t.function?.name ?? t.name);
    const isTitle = /title/i.test(system) && /generat/i.test(system) && tools.length === 0;
    record({ kind: "request", model, stream: body.stream, nmsgs: msgs.length, lastRole: last?.role, userText: userText.slice(0, 300), tools, isTitle });

    if (!body.stream) {
      // opencode always streams today; answer something sane if that ever changes.
      const content = isTitle ? "Fake title" : "non-stream reply";
      res.writeHead(200, { "content-type": "application/json" });
      const choices = [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }];
      const usage = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 };
      return res.end(JSON.stringify({ id, object: "chat.completion", created: Math.floor(Date.now() / 1000), model, choices, usage }));
    }
    const open = () => new Stream(res, model, id, ac.signal);
    if (isTitle) {
      const s = open();
      await s.texts(["Fake ", "title"]);
      return s.finish("stop", [20, 2]);
    }
    if (last?.role === "tool") {
      const s = open();
      await s.texts(["Tool result ", "received: ", textOf(last.content).replace(/\s+/g, " ").slice(0, 80)]);
      return s.finish("stop", [30, 8]);
    }
    // The key is the conversation's first user text + its length: a retry of the same step repeats it.
    const firstUser = textOf(msgs.find((m) => m.role === "user")?.content ?? "");
    const key = firstUser.slice(0, 200) + "|" + msgs.length;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    await playTurn({ res, userText, lc: userText.toLowerCase(), attempt, open, log: record });
  }

  const server = http.createServer((req, res) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname.endsWith("/models")) {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ object: "list", data: [{ id: "fake-model", object: "model", owned_by: "fake" }] }));
      }
      if (req.method === "POST" && url.pathname.endsWith("/chat/completions")) {
        let body;
        try {
          body = JSON.parse(data || "{}");
        } catch {
          return sendError(res, 400, "invalid json", "invalid_request_error");
        }
        handleChat(res, body).catch((e) => {
          record({ kind: "handler-error", error: String(e) });
          if (!res.headersSent) sendError(res, 500, String(e), "server_error");
          else res.end();
        });
        return;
      }
      record({ kind: "unhandled", method: req.method, path: url.pathname });
      sendError(res, 404, `no route ${req.method} ${url.pathname}`, "not_found");
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const addr = /** @type {import("node:net").AddressInfo} */ (server.address());
      let closing;
      resolve({
        url: `http://127.0.0.1:${addr.port}/v1`,
        port: addr.port,
        requests: () => entries.slice(),
        close: () =>
          (closing ??= new Promise((r) => {
            server.close(() => r());
            // Streams that are still open (slow turn, keep-alive) would hold close() forever.
            server.closeAllConnections();
          })),
      });
    });
  });
}

// CLI: only when run directly, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const arg = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] ?? def : def);
  const llm = await startFakeLlm({
    port: Number(arg("--port", process.env.FAKE_LLM_PORT ?? "0")),
    log: arg("--log", process.env.FAKE_LLM_LOG ?? "") || undefined,
  });
  console.log(`FAKE_LLM_LISTENING ${llm.url}`);
  for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => llm.close().then(() => process.exit(0)));
}
