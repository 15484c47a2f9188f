/**
 * Regression (issue 14 review): heartbeats read back to back (a tab whose thread stalled, a proxy
 * flushing its buffer) shrank the learned liveness window to its 1 s floor, so the next on-time
 * heartbeat came too late and the feed reconnected (and every directory re-synced) for nothing.
 */
import { afterEach, expect, it } from "vitest";
import { createFeedFixture, disposeFeedFixtures, sleep } from "../support/feed-fixture";

afterEach(disposeFeedFixtures);

it("heartbeats read back to back shrinking the liveness window: the learned window keeps the longest gap, no spurious reconnect", async () => {
  const { server, hub, record, reconnects } = await createFeedFixture({ events: { livenessTimeoutMs: undefined } });
  record();
  await hub.ready();
  const stream = await server.stream(1);
  const beat = 'data: {"type":"server.heartbeat","properties":{}}\n\n';
  stream.write(beat);
  await sleep(2_000);
  stream.write(beat); // the period: 2 s, so a window of ~5 s
  stream.write(beat + beat); // two more read in one chunk: a gap of ~0 ms
  await sleep(2_500); // one on-time period later (with room for a loaded machine)
  stream.write(beat);
  await sleep(100);
  expect(server.requests).toHaveLength(1);
  expect(stream.isClosed).toBe(false);
  expect(reconnects).toEqual([]);
  expect(hub.status).toBe("open");
});
