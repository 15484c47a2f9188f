/**
 * The scripted model on its own (no opencode): fast, so it runs with the unit tests and catches a
 * broken script before an e2e run spends seconds on a confusing server-side symptom.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm } from "./fake-llm.mjs";
import type { FakeLlm } from "./fake-llm.mjs";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());

interface Delta {
  content?: string | null;
  reasoning_content?: string;
  tool_calls?: { index: number; function: { name?: string; arguments?: string } }[];
}

/** One chat call; returns the status and, for streams, the concatenated deltas. */
async function chat(text: string, messages: object[] = [{ role: "user", content: text }]) {
  const res = await fetch(`${llm.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "fake-model", stream: true, messages, tools: [{ type: "function", function: { name: "bash" } }] }),
  });
  const body = await res.text();
  const out = { status: res.status, body, text: "", reasoning: "", chunks: 0, tools: [] as { name: string; args: string }[], error: "", finish: "" };
  if (!res.headers.get("content-type")?.includes("event-stream")) return out;
  for (const line of body.split("\n")) {
    if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
    const evt = JSON.parse(line.slice(6));
    if (evt.error) out.error = evt.error.message;
    const choice = evt.choices?.[0];
    if (!choice) continue;
    const d: Delta = choice.delta;
    if (choice.finish_reason) out.finish = choice.finish_reason;
    if (d.content) {
      out.text += d.content;
      out.chunks++;
    }
    if (d.reasoning_content) out.reasoning += d.reasoning_content;
    for (const t of d.tool_calls ?? []) {
      out.tools[t.index] ??= { name: "", args: "" };
      out.tools[t.index]!.name += t.function.name ?? "";
      out.tools[t.index]!.args += t.function.arguments ?? "";
    }
  }
  return out;
}

describe("fake LLM scripts", () => {
  it("binds loopback and lists its model", async () => {
    expect(llm.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect((await (await fetch(`${llm.url}/models`)).json()).data[0].id).toBe("fake-model");
  });

  it("streams hello in chunks, reasoning, bulk and the echo", async () => {
    const hello = await chat("hello");
    expect([hello.text, hello.chunks, hello.finish]).toEqual(["Hello there! I am a fake model.", 5, "stop"]);
    const reason = await chat("reason please");
    expect([reason.reasoning, reason.text]).toEqual(["Let me think about this carefully.", "After thinking: 42."]);
    expect((await chat("bulk 300")).chunks).toBe(300);
    expect((await chat("anything")).text).toBe("You said: anything");
  });

  it("scripts the tool calls", async () => {
    const names = async (t: string) => (await chat(t)).tools.map((c) => `${c.name} ${JSON.parse(c.args).command ?? ""}`.trim());
    expect(await names("tool")).toEqual(["bash echo hi"]);
    expect(await names("tool cmd=pwd")).toEqual(["bash pwd"]);
    expect(await names("multitool")).toEqual(["bash echo one", "bash echo two"]);
    expect(await names("question")).toEqual(["question"]);
    expect(await names("todo")).toEqual(["todowrite"]);
    expect((await chat("tool")).finish).toBe("tool_calls");
    const followUp = await chat("", [{ role: "user", content: "tool" }, { role: "tool", content: "hi\n" }]);
    expect(followUp.text).toBe("Tool result received: hi ");
  });

  it("fails the way each error scenario promises", async () => {
    expect((await chat("fatal400")).status).toBe(400);
    expect((await chat("fatal401")).status).toBe(401);
    expect([(await chat("flaky500")).status, (await chat("flaky500")).status, (await chat("flaky500")).status]).toEqual([500, 500, 200]);
    expect([(await chat("ratelimit")).status, (await chat("ratelimit")).status]).toEqual([429, 200]);
    const mid = await chat("midstream");
    expect([mid.text, mid.error, mid.finish]).toEqual(["Starting then ", "Fake mid-stream failure", ""]);
    expect((await chat("midstream")).text).toBe("You said: midstream");
  });

  it("records requests and closes even with a slow stream open", async () => {
    expect(llm.requests().some((r) => r.userText === "hello")).toBe(true);
    const other = await startFakeLlm();
    const res = await fetch(`${other.url}/chat/completions`, { method: "POST", body: JSON.stringify({ stream: true, messages: [{ role: "user", content: "slow" }] }) });
    expect(res.status).toBe(200);
    // Read the stream meanwhile: close() must resolve while it is still streaming (it would
    // otherwise wait ~10 s for the 40 slow chunks), which shows as a stream without its end.
    let received = "";
    const decoder = new TextDecoder();
    const reading = (async () => {
      const reader = res.body!.getReader();
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        received += decoder.decode(chunk.value, { stream: true });
      }
    })();
    await other.close();
    const atClose = received;
    await reading; // the cut connection ends the body
    expect(atClose).not.toContain("slow39");
    expect(atClose).not.toContain("[DONE]");
    expect(received).not.toContain("[DONE]");
    expect(other.requests()).toHaveLength(1);
  });
});
