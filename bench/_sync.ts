import type { WireEvent } from "../src/core/events/types";
import { createReplyStore } from "../src/core/reply";
import { createBenchClient } from "./bench-client";
import { BENCH_SESSION } from "./stream";
const { client, dispatch } = createBenchClient();
const store = createReplyStore({ client, sessionId: BENCH_SESSION, throttleMs: 0 });
store.subscribe(() => undefined);
const ev: WireEvent = { type: "message.part.delta", properties: { sessionID: BENCH_SESSION, messageID: "m", partID: "p", field: "text", delta: "ab" } };
let best = Infinity;
for (let r = 0; r < 30; r++) { const t = performance.now(); for (let i = 0; i < 20000; i++) dispatch(ev); best = Math.min(best, performance.now() - t); }
console.log("sync ns/delta", (best * 1e6 / 20000).toFixed(0));
const t0 = performance.now(); for (let i = 0; i < 1e6; i++) Date.now(); console.log("Date.now ns", ((performance.now() - t0) * 1e6 / 1e6).toFixed(0));
