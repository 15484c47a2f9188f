#!/usr/bin/env node
// `npm start`: the chat demo on an embedded real `opencode serve` with the scripted offline model,
// or on your server with OPENCODE_URL (+ OPENCODE_SERVER_PASSWORD). PORT picks the page's port.
// Prints the URL; Ctrl-C stops everything. Never prints the password.
import { checkHealth, startDemo } from "./demo/start-demo-server.mjs";

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}

console.log(process.env.OPENCODE_URL ? "Starting the chat demo…" : "Starting an embedded opencode server (scripted offline model)…");
let demo;
try {
  demo = await startDemo({ port });
} catch (error) {
  console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const health = await checkHealth(demo.url);
console.log(`
  opencode-react chat demo

  ➜  Open:    ${demo.url}
  ➜  Server:  ${demo.target}  ·  ${demo.embedded ? "embedded, scripted offline model  ·  " : ""}${health}
${demo.embedded ? "  ➜  Try:     hello · reason · tool · question · todo · slow\n" : ""}
  Ctrl-C to stop.
`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) process.exit(130); // a second Ctrl-C: the harness watchdog still stops the server
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await demo.stop();
  console.log("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
