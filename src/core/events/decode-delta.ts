/**
 * A fixed-shape scanner for the one frame that dominates a streaming reply, `message.part.delta`.
 * JSON.parse is most of decodeEvent's cost, and these frames are always serialised by the server
 * in the same key order with no whitespace, so they can be matched by one anchored regular
 * expression (irregexp compiles it to native code: ~4x cheaper than JSON.parse on these frames,
 * where a charCodeAt loop in JS was no faster than JSON.parse). Anything that deviates in the
 * slightest returns `undefined` and the caller falls back to JSON.parse, so the result is always
 * identical to the slow path's (see test/core/decode-event-fast-path.test.ts).
 */
import type { WireEvent } from "./types";

/**
 * The exact frame, nothing before or after, with plain ids. Ids and the field name are limited to
 * [A-Za-z0-9_]: such a string reads the same raw and JSON-decoded, so its capture is its value;
 * anything else (an escape, a control character, non-ASCII) makes the match fail. The delta may
 * not hold a quote, a backslash or a raw control character (JSON.parse rejects the last), so its
 * capture is its value too. `^`/`$` without the `m` flag anchor to the whole string.
 *
 * The four routing fields are captured as ONE group (the "key", see {@link keyFields}): the
 * deltas of a run repeat it verbatim, so it is split only when it changes.
 */
const PLAIN_FRAME =
  // eslint-disable-next-line no-control-regex -- raw control characters must be excluded, as JSON.parse rejects them.
  /^\{"id":"([A-Za-z0-9_]*)","type":"message\.part\.delta","properties":\{("sessionID":"[A-Za-z0-9_]*","messageID":"[A-Za-z0-9_]*","partID":"[A-Za-z0-9_]*","field":"[A-Za-z0-9_]*"),"delta":"([^"\\\x00-\x1f]*)"\}\}$/;

/**
 * The same frame with escapes in the delta: the capture is the body of one JSON string token (any
 * escape pair may appear; the alternatives start with disjoint characters, so matching stays
 * linear). JSON.parse decodes just that token, and rejects invalid escapes.
 */
const ESCAPED_FRAME =
  // eslint-disable-next-line no-control-regex -- raw control characters must be excluded, as JSON.parse rejects them.
  /^\{"id":"([A-Za-z0-9_]*)","type":"message\.part\.delta","properties":\{("sessionID":"[A-Za-z0-9_]*","messageID":"[A-Za-z0-9_]*","partID":"[A-Za-z0-9_]*","field":"[A-Za-z0-9_]*"),"delta":"((?:[^"\\\x00-\x1f]|\\[\s\S])*)"\}\}$/;

/** The key group split into its four values (it matched the frame, so this always matches). */
const KEY = /^"sessionID":"([A-Za-z0-9_]*)","messageID":"([A-Za-z0-9_]*)","partID":"([A-Za-z0-9_]*)","field":"([A-Za-z0-9_]*)"$/;

/** The routing fields of a delta, as the last key gave them. */
interface KeyFields {
  readonly key: string;
  readonly sessionID: string;
  readonly messageID: string;
  readonly partID: string;
  readonly field: string;
}

let lastKey: KeyFields = { key: "", sessionID: "", messageID: "", partID: "", field: "" };

/**
 * A copy of `text` that shares no memory with the string it was cut from. A substring (a frame cut
 * from a network read, a capture of that frame) keeps its whole source alive in V8: an id kept by
 * a store would pin a 64 KB read. Slicing a concatenation makes the engine copy it into a new flat
 * string first, so the result pins at most `text.length + 1` characters.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * The routing fields of `key`. Consecutive deltas of a run repeat the same key, and then get the
 * SAME string objects: one comparison of the key here makes every later id comparison (batching,
 * routing, the reducer's lookups) an identity check, and no id is cut again. A new key is copied
 * once (see {@link detach}), so what a store keeps never pins a network read.
 */
function keyFields(key: string): KeyFields {
  if (key === lastKey.key) return lastKey;
  const own = detach(key);
  const m = KEY.exec(own);
  lastKey = { key: own, sessionID: m?.[1] ?? "", messageID: m?.[2] ?? "", partID: m?.[3] ?? "", field: m?.[4] ?? "" };
  return lastKey;
}

/**
 * Decodes `data` if it is exactly a canonical `message.part.delta` frame, else `undefined`.
 * The result is deep-equal, key order included, to JSON.parse(data).
 */
export function decodeDeltaFrame(data: string): WireEvent | undefined {
  let match = PLAIN_FRAME.exec(data);
  let delta: string;
  if (match !== null) delta = match[3] ?? "";
  else {
    // Without a backslash the escaped form matches nothing the plain one did not: most other
    // frames (which fail both within their first few dozen characters) stop here.
    if (data.indexOf("\\") === -1) return undefined;
    match = ESCAPED_FRAME.exec(data);
    if (match === null) return undefined;
    let decoded: unknown;
    try {
      decoded = JSON.parse(`"${match[3] ?? ""}"`);
    } catch {
      // An invalid escape (\x, a short \u): the slow path reports it.
      return undefined;
    }
    if (typeof decoded !== "string") return undefined;
    delta = decoded;
  }
  const fields = keyFields(match[2] ?? "");
  // Same key order as JSON.parse would produce, so the two paths are indistinguishable. Every group
  // takes part in a successful match, so the `?? ""` never applies; it only satisfies the types.
  return {
    id: match[1] ?? "",
    type: "message.part.delta",
    properties: {
      sessionID: fields.sessionID,
      messageID: fields.messageID,
      partID: fields.partID,
      field: fields.field,
      delta,
    },
  };
}
