// Test helper for test/e2e/harness.test.ts: `node test/harness/spawn-for-test.mjs`.
//
// Starts one server with the harness, prints `{"pid":…,"runDir":…}` as one JSON line on stdout,
// then idles until something kills it. The test then signals this process to check the cleanup
// paths that never run stop(): SIGINT (the harness's own signal hook) and SIGKILL (the watchdog).
//
// Deliberately no SIGINT/SIGTERM listener here: the harness re-raises a signal only when it is the
// sole listener, and that default path is exactly what the test wants to exercise.
import { startOpencodeServer } from "./opencode-server.mjs";

const server = await startOpencodeServer();
process.stdout.write(JSON.stringify({ pid: server.pid, runDir: server.runDir }) + "\n");

// Safety net if the test process itself dies before signalling us: its end of our stdin closes,
// and we stop the server properly instead of idling forever as an orphan.
process.stdin.on("end", () => void server.stop().finally(() => process.exit(0)));
process.stdin.on("error", () => void server.stop().finally(() => process.exit(0)));
process.stdin.resume();
