import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeEvent } from "../../src/core/events/decode-event";
import { sessionIdOf } from "../../src/core/events/route";
import type { WireEvent } from "../../src/core/events/types";
import { MalformedEventError } from "../../src/core/errors";
import { feed, splitEvery } from "../support/sse-feed";
import { renderTypes } from "../support/render-types";

// Real `/event` captures of opencode 1.18.33 (and one `/global/event`), copied into test/fixtures.
const DIR = fileURLToPath(new URL("../fixtures/opencode-1.18.33/", import.meta.url));
const PRESENT = existsSync(DIR);
const SSE_FILES = PRESENT ? readdirSync(DIR).filter((f) => f.endsWith(".sse")).sort() : [];
/** `/global/event` frames wrap the event: `{ directory?, project?, payload: { id, type, properties } }`. */
const GLOBAL = "directory.global.sse";
/** Session ids a capture touches without creating them: http-errors prompts a session that does not exist. */
const FOREIGN: Record<string, string[]> = { "http-errors.sse": ["ses_doesnotexist000000000000"] };
const SESSION_SCOPED = /^(session|message|todo|question|permission)\./;

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(DIR + name));
const textOf = (name: string): string => readFileSync(DIR + name, "utf8");

/** Deterministic chunk sizes 1..max (mulberry32), so a failure replays identically. */
function randomChunks(bytes: Uint8Array, seed: number, max: number): Uint8Array[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const size = 1 + Math.floor(next() * max);
    chunks.push(bytes.subarray(i, i + size));
    i += size;
  }
  return chunks;
}

function decodeAll(name: string, data: readonly string[]): WireEvent[] {
  return data.map((d) => {
    const decoded = decodeEvent(name === GLOBAL ? JSON.stringify((JSON.parse(d) as { payload: unknown }).payload) : d);
    if (decoded instanceof MalformedEventError) throw decoded;
    return decoded;
  });
}

/** Events of a capture, after checking that every way of chunking it gives the same frames. */
function replay(name: string): WireEvent[] {
  const bytes = bytesOf(name);
  const whole = feed([bytes]);
  expect(whole.oversize).toEqual([]);
  expect(whole.data.length).toBeGreaterThan(0);
  for (const chunks of [splitEvery(bytes, 1), randomChunks(bytes, bytes.length, 7), randomChunks(bytes, 42, 300)]) {
    expect(feed(chunks)).toEqual(whole);
  }
  return decodeAll(name, whole.data);
}

const createdSession = (events: readonly WireEvent[]): string | undefined =>
  events.filter((e) => e.type === "session.created").map(sessionIdOf)[0];

describe("fixture replay (opencode 1.18.33 captures)", () => {
  it("the fixture directory exists and holds the captures", () => {
    expect(PRESENT, DIR).toBe(true);
    expect(SSE_FILES.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(SSE_FILES)("%s", (name) => {
    const typesFile = name.replace(/\.sse$/, ".types.txt");

    it("SSE-05 SSE-20 parses identically whole, in random small chunks and byte by byte; every frame decodes", () => {
      const events = replay(name);
      expect(events[0]?.type).toBe("server.connected");
    });

    // auth-hello and the /global/event capture have no types file; they are checked further down.
    if (existsSync(DIR + typesFile)) {
      it(`event types match ${typesFile}`, () => {
        expect(renderTypes(replay(name))).toBe(textOf(typesFile));
      });
    }

    it("FLT-02 FLT-06 every session event routes to the session created in the capture", () => {
      const events = replay(name);
      const created = createdSession(events);
      const allowed = new Set([...(created === undefined ? [] : [created]), ...(FOREIGN[name] ?? [])]);
      for (const event of events) {
        const id = sessionIdOf(event);
        if (id !== undefined) expect(allowed.has(id), `${event.type} -> ${id}`).toBe(true);
        // FLT-04: nothing session-scoped in a real capture lacks a session id.
        if (SESSION_SCOPED.test(event.type)) expect(id, event.type).toBeDefined();
        else if (!event.type.startsWith("server.")) expect(id, event.type).toBeUndefined();
      }
    });

    it("api.md 3.3 routing still works for servers before 1.3.3 (no properties.sessionID)", () => {
      for (const event of replay(name)) {
        const id = sessionIdOf(event);
        if (id === undefined || !("info" in event.properties || "part" in event.properties)) continue;
        const { sessionID: _dropped, ...legacy } = event.properties;
        expect(sessionIdOf({ ...event, properties: legacy }), event.type).toBe(id);
      }
    });
  });

  describe("directory captures (one server, two project directories)", () => {
    const otherSession = JSON.parse(textOf("directory.session.json")) as { id: string; directory: string };

    it("directory.default-dir.sse saw only server.connected while the other directory's session ran", () => {
      expect(replay("directory.default-dir.sse").map((e) => e.type)).toEqual(["server.connected"]);
    });

    it("directory.other-dir.sse only carries the other directory's session", () => {
      const events = replay("directory.other-dir.sse");
      expect(createdSession(events)).toBe(otherSession.id);
      for (const event of events) {
        const directory = (event.properties.info as { directory?: unknown } | undefined)?.directory;
        if (event.type.startsWith("session.") && directory !== undefined) expect(directory).toBe(otherSession.directory);
      }
    });

    it("directory.global.sse carries the other directory's events, same ids and order as its /event stream", () => {
      const frames = feed([bytesOf(GLOBAL)]).data.map((d) => JSON.parse(d) as { directory?: string; payload: WireEvent });
      const directories = new Set(frames.map((f) => f.directory));
      expect(directories).toEqual(new Set([undefined, "global", otherSession.directory]));
      // `sync` payloads are durable duplicates (api.md 3.2); the rest mirrors the per-directory feed.
      const mirrored = frames.filter((f) => f.directory === otherSession.directory && f.payload.type !== "sync");
      const perDirectory = replay("directory.other-dir.sse").filter((e) => e.type !== "server.connected");
      expect(mirrored.map((f) => f.payload.id)).toEqual(perDirectory.map((e) => e.id));
      const connected = replay(GLOBAL).filter((e) => e.type === "server.connected");
      expect(renderTypes([...connected, ...decodeAll("x", mirrored.map((f) => JSON.stringify(f.payload)))])).toBe(
        textOf("directory.other-dir.types.txt"),
      );
    });
  });

  it("auth-hello.sse (password-protected server) carries the same session events as hello.sse", () => {
    const sessionOnly = (name: string): string => {
      const events = replay(name);
      const id = createdSession(events);
      return renderTypes(events.filter((e) => sessionIdOf(e) === id));
    };
    expect(sessionOnly("auth-hello.sse")).toBe(sessionOnly("hello.sse"));
  });
});
