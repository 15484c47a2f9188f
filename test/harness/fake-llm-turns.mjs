// Scripted turns of the fake model (see fake-llm.mjs for the keyword table).
// Kept apart from the HTTP server so each file stays small; plain Node, no dependencies.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Flattens OpenAI message content (string or parts array) to plain text. */
export function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content.map((p) => (typeof p === "string" ? p : p?.type === "text" ? p.text : "")).join("\n");
  return "";
}

/** Writes an OpenAI-style JSON error; the status decides how opencode reacts (retry or session.error). */
export function sendError(res, status, message, type, extraHeaders = {}) {
  res.writeHead(status, { "content-type": "application/json", ...extraHeaders });
  res.end(JSON.stringify({ error: { message, type, code: String(status) } }));
}

/** One streamed chat completion (SSE of `chat.completion.chunk` objects). */
export class Stream {
  constructor(res, model, id, signal) {
    Object.assign(this, { res, model, id, signal, created: Math.floor(Date.now() / 1000) });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  }
  get closed() {
    return this.signal.aborted || this.res.destroyed;
  }
  chunk(delta, finish_reason = null) {
    const { id, created, model } = this;
    return JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason }] });
  }
  /** Returns false when the socket buffer is full (caller may await drain()). */
  send(delta, finish = null) {
    if (this.closed) return false;
    return this.res.write(`data: ${this.chunk(delta, finish)}\n\n`);
  }
  raw(obj) {
    if (!this.closed) this.res.write(`data: ${JSON.stringify(obj)}\n\n`);
  }
  /** Resolves on drain OR close: waiting for drain alone would hang forever after an abort. */
  drain() {
    return new Promise((r) => {
      const done = () => (this.res.off("drain", done), this.res.off("close", done), r());
      this.res.once("drain", done).once("close", done);
    });
  }
  async texts(parts, delayMs = 0) {
    this.send({ role: "assistant", content: "" });
    for (const p of parts) {
      if (this.closed) return;
      this.send({ content: p });
      if (delayMs) await sleep(delayMs);
    }
  }
  /** Arguments go out in two pieces to exercise the client's tool-call delta assembly. */
  toolCalls(calls) {
    calls.forEach((c, index) => {
      const a = JSON.stringify(c.args);
      const mid = Math.floor(a.length / 2);
      this.send({
        ...(index === 0 ? { role: "assistant", content: null } : {}),
        tool_calls: [{ index, id: `call_${this.id}_${index}`, type: "function", function: { name: c.name, arguments: a.slice(0, mid) } }],
      });
      this.send({ tool_calls: [{ index, function: { arguments: a.slice(mid) } }] });
    });
  }
  finish(reason = "stop", [prompt, completion] = [10, 5]) {
    if (this.closed) return;
    this.send({}, reason);
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    this.raw({ id: this.id, object: "chat.completion.chunk", created: this.created, model: this.model, choices: [], usage });
    this.res.write("data: [DONE]\n\n");
    this.res.end();
  }
}

const QUESTION = {
  questions: [
    {
      question: "Which color do you prefer?",
      header: "Color",
      options: [
        { label: "Red", description: "The color red" },
        { label: "Blue", description: "The color blue" },
      ],
    },
  ],
};
const TODOS = {
  todos: [
    { content: "Write the fake server", status: "completed", priority: "high" },
    { content: "Capture the event stream", status: "in_progress", priority: "medium" },
    { content: "Write the report", status: "pending", priority: "low" },
  ],
};

/**
 * Plays the turn picked by keywords in `ctx.lc` (lower-cased last user text).
 * `ctx` = { res, userText, lc, attempt, open(): Stream, log(entry) }.
 * Order matters: the first matching keyword wins (e.g. "multitool" before "tool").
 */
export async function playTurn(ctx) {
  const { res, userText, lc, attempt: n } = ctx;
  if (lc.includes("fatal400")) return sendError(res, 400, "Fake bad request: this model refuses fatal400", "invalid_request_error");
  if (lc.includes("fatal401")) return sendError(res, 401, "Fake invalid API key", "authentication_error");
  if (lc.includes("always500")) return sendError(res, 500, `Fake internal error (attempt ${n})`, "server_error");
  if (lc.includes("flaky500") && n <= 2) return sendError(res, 500, `Fake internal error (attempt ${n})`, "server_error");
  if (lc.includes("ratelimit") && n <= 1)
    return sendError(res, 429, "Fake rate limit, slow down", "rate_limit_error", { "retry-after": "1" });

  const s = ctx.open();
  if (lc.includes("midstream") && n <= 1) {
    // Two chunks, then an in-band error object and EOF: opencode treats this as retryable.
    await s.texts(["Starting ", "then "]);
    s.raw({ error: { message: "Fake mid-stream failure", type: "server_error", code: "500" } });
    return res.end();
  }
  if (lc.includes("slow")) {
    await s.texts(Array.from({ length: 40 }, (_, i) => `slow${i} `), 250);
    return s.finish("stop", [10, 40]);
  }
  const bulk = lc.match(/bulk\s*(\d+)?/);
  if (bulk) {
    const N = Math.min(Number(bulk[1] ?? 5000), 200000);
    const pace = lc.match(/pace\s*(\d+)/); // "bulk 5000 pace 50": sleep 1 ms after every 50 chunks
    const every = pace ? Math.max(1, Number(pace[1])) : 0;
    s.send({ role: "assistant", content: "" });
    const t0 = Date.now();
    for (let i = 0; i < N; i++) {
      if (s.closed) return;
      if (!s.send({ content: "x" })) await s.drain();
      if (every && (i + 1) % every === 0) await sleep(1);
    }
    ctx.log({ kind: "bulk-sent", N, ms: Date.now() - t0 });
    return s.finish("stop", [10, N]);
  }
  if (lc.includes("reason")) {
    s.send({ role: "assistant", content: "" });
    for (const r of ["Let me ", "think about ", "this carefully."]) s.send({ reasoning_content: r });
    await s.texts(["After ", "thinking: ", "42."]);
    return s.finish("stop", [10, 12]);
  }
  if (lc.includes("question")) return s.toolCalls([{ name: "question", args: QUESTION }]), s.finish("tool_calls", [10, 20]);
  if (lc.includes("todo")) return s.toolCalls([{ name: "todowrite", args: TODOS }]), s.finish("tool_calls", [10, 20]);
  if (lc.includes("multitool")) {
    s.toolCalls([
      { name: "bash", args: { command: "echo one", description: "say one" } },
      { name: "bash", args: { command: "echo two", description: "say two" } },
    ]);
    return s.finish("tool_calls", [10, 20]);
  }
  if (lc.includes("tool")) {
    // "tool cmd=pwd" runs another command: one not yet approved with "always".
    const cmd = userText.match(/cmd=(.+)$/m);
    s.toolCalls([{ name: "bash", args: { command: cmd ? cmd[1].trim() : "echo hi", description: "say hi" } }]);
    return s.finish("tool_calls", [10, 20]);
  }
  if (lc.includes("hello")) {
    await s.texts(["Hello", " there", "! I am", " a fake", " model."], 20);
    return s.finish("stop", [10, 5]);
  }
  await s.texts(["You said: ", userText.slice(0, 200)]);
  return s.finish("stop", [10, 5]);
}
