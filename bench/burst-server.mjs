/**
 * The burst bench's server, a process of its own (forked by bench/burst.ts): an `/event` stream and
 * the few routes a reply store calls. On the parent's message it writes text deltas into the open
 * stream at a given rate (or as fast as it can: rate 0) for a given time, stamping each delta's
 * send time, and sends the stamps back when done.
 */
import { createServer } from "node:http";

const SESSION = "ses_burst";
const MESSAGE = "msg_burst";
let stream;
const now = () => performance.timeOrigin + performance.now();
const frame = (event) => `data: ${JSON.stringify(event)}\n\n`;

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/event") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(frame({ type: "server.connected", properties: {} }));
    stream = res;
    req.on("close", () => {
      if (stream === res) stream = undefined;
    });
    return;
  }
  if (req.method === "POST") {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(url.pathname === "/session/status" ? "{}" : "[]");
});

/** Writes deltas of 8 characters into part `partId` for `ms` at `rate` per second (0: flat out). */
function burst({ partId, rate, ms, token }) {
  const sent = [];
  const start = now();
  const head = `data: {"type":"message.part.delta","properties":{"sessionID":"${SESSION}","messageID":"${MESSAGE}","partID":"${partId}","field":"text","delta":"`;
  const tail = `"}}\n\n`;
  const step = () => {
    const t = now();
    const elapsed = t - start;
    if (elapsed >= ms || stream === undefined) {
      process.send({ type: "done", sent });
      return;
    }
    // Everything due by now, in one write (as a server flushes its buffer); flat out: 64 a write.
    const due = rate > 0 ? Math.floor((rate * elapsed) / 1000) - sent.length : 64;
    let chunk = "";
    for (let i = 0; i < due; i++) {
      chunk += head + token + tail;
      sent.push(t);
    }
    if (chunk !== "") stream.write(chunk);
    setImmediate(step);
  };
  step();
}

process.on("message", (message) => {
  if (message.type === "burst") burst(message);
  else if (message.type === "status") stream?.write(frame({ type: "session.status", properties: { sessionID: SESSION, status: { type: message.status } } }));
  else if (message.type === "exit") server.close(() => process.exit(0));
});
server.listen(0, "127.0.0.1", () => process.send({ type: "port", port: server.address().port }));
