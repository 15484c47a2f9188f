var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/@microsoft/fetch-event-source/lib/cjs/parse.js
var require_parse = __commonJS({
  "node_modules/@microsoft/fetch-event-source/lib/cjs/parse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getMessages = exports.getLines = exports.getBytes = void 0;
    async function getBytes(stream, onChunk) {
      const reader = stream.getReader();
      let result;
      while (!(result = await reader.read()).done) {
        onChunk(result.value);
      }
    }
    exports.getBytes = getBytes;
    function getLines(onLine) {
      let buffer;
      let position;
      let fieldLength;
      let discardTrailingNewline = false;
      return function onChunk(arr) {
        if (buffer === void 0) {
          buffer = arr;
          position = 0;
          fieldLength = -1;
        } else {
          buffer = concat(buffer, arr);
        }
        const bufLength = buffer.length;
        let lineStart = 0;
        while (position < bufLength) {
          if (discardTrailingNewline) {
            if (buffer[position] === 10) {
              lineStart = ++position;
            }
            discardTrailingNewline = false;
          }
          let lineEnd = -1;
          for (; position < bufLength && lineEnd === -1; ++position) {
            switch (buffer[position]) {
              case 58:
                if (fieldLength === -1) {
                  fieldLength = position - lineStart;
                }
                break;
              case 13:
                discardTrailingNewline = true;
              case 10:
                lineEnd = position;
                break;
            }
          }
          if (lineEnd === -1) {
            break;
          }
          onLine(buffer.subarray(lineStart, lineEnd), fieldLength);
          lineStart = position;
          fieldLength = -1;
        }
        if (lineStart === bufLength) {
          buffer = void 0;
        } else if (lineStart !== 0) {
          buffer = buffer.subarray(lineStart);
          position -= lineStart;
        }
      };
    }
    exports.getLines = getLines;
    function getMessages(onId, onRetry, onMessage) {
      let message = newMessage();
      const decoder2 = new TextDecoder();
      return function onLine(line, fieldLength) {
        if (line.length === 0) {
          onMessage === null || onMessage === void 0 ? void 0 : onMessage(message);
          message = newMessage();
        } else if (fieldLength > 0) {
          const field2 = decoder2.decode(line.subarray(0, fieldLength));
          const valueOffset = fieldLength + (line[fieldLength + 1] === 32 ? 2 : 1);
          const value = decoder2.decode(line.subarray(valueOffset));
          switch (field2) {
            case "data":
              message.data = message.data ? message.data + "\n" + value : value;
              break;
            case "event":
              message.event = value;
              break;
            case "id":
              onId(message.id = value);
              break;
            case "retry":
              const retry = parseInt(value, 10);
              if (!isNaN(retry)) {
                onRetry(message.retry = retry);
              }
              break;
          }
        }
      };
    }
    exports.getMessages = getMessages;
    function concat(a, b) {
      const res = new Uint8Array(a.length + b.length);
      res.set(a);
      res.set(b, a.length);
      return res;
    }
    function newMessage() {
      return {
        data: "",
        event: "",
        id: "",
        retry: void 0
      };
    }
  }
});

// node_modules/@microsoft/fetch-event-source/lib/cjs/fetch.js
var require_fetch = __commonJS({
  "node_modules/@microsoft/fetch-event-source/lib/cjs/fetch.js"(exports) {
    "use strict";
    var __rest = exports && exports.__rest || function(s, e) {
      var t = {};
      for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
      if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
          if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
            t[p[i]] = s[p[i]];
        }
      return t;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fetchEventSource = exports.EventStreamContentType = void 0;
    var parse_1 = require_parse();
    exports.EventStreamContentType = "text/event-stream";
    var DefaultRetryInterval = 1e3;
    var LastEventId = "last-event-id";
    function fetchEventSource2(input, _a) {
      var { signal: inputSignal, headers: inputHeaders, onopen: inputOnOpen, onmessage, onclose, onerror, openWhenHidden, fetch: inputFetch } = _a, rest = __rest(_a, ["signal", "headers", "onopen", "onmessage", "onclose", "onerror", "openWhenHidden", "fetch"]);
      return new Promise((resolve, reject) => {
        const headers = Object.assign({}, inputHeaders);
        if (!headers.accept) {
          headers.accept = exports.EventStreamContentType;
        }
        let curRequestController;
        function onVisibilityChange() {
          curRequestController.abort();
          if (!document.hidden) {
            create();
          }
        }
        if (!openWhenHidden) {
          document.addEventListener("visibilitychange", onVisibilityChange);
        }
        let retryInterval = DefaultRetryInterval;
        let retryTimer = 0;
        function dispose() {
          document.removeEventListener("visibilitychange", onVisibilityChange);
          window.clearTimeout(retryTimer);
          curRequestController.abort();
        }
        inputSignal === null || inputSignal === void 0 ? void 0 : inputSignal.addEventListener("abort", () => {
          dispose();
          resolve();
        });
        const fetch = inputFetch !== null && inputFetch !== void 0 ? inputFetch : window.fetch;
        const onopen = inputOnOpen !== null && inputOnOpen !== void 0 ? inputOnOpen : defaultOnOpen;
        async function create() {
          var _a2;
          curRequestController = new AbortController();
          try {
            const response = await fetch(input, Object.assign(Object.assign({}, rest), { headers, signal: curRequestController.signal }));
            await onopen(response);
            await parse_1.getBytes(response.body, parse_1.getLines(parse_1.getMessages((id) => {
              if (id) {
                headers[LastEventId] = id;
              } else {
                delete headers[LastEventId];
              }
            }, (retry) => {
              retryInterval = retry;
            }, onmessage)));
            onclose === null || onclose === void 0 ? void 0 : onclose();
            dispose();
            resolve();
          } catch (err) {
            if (!curRequestController.signal.aborted) {
              try {
                const interval = (_a2 = onerror === null || onerror === void 0 ? void 0 : onerror(err)) !== null && _a2 !== void 0 ? _a2 : retryInterval;
                window.clearTimeout(retryTimer);
                retryTimer = window.setTimeout(create, interval);
              } catch (innerErr) {
                dispose();
                reject(innerErr);
              }
            }
          }
        }
        create();
      });
    }
    exports.fetchEventSource = fetchEventSource2;
    function defaultOnOpen(response) {
      const contentType = response.headers.get("content-type");
      if (!(contentType === null || contentType === void 0 ? void 0 : contentType.startsWith(exports.EventStreamContentType))) {
        throw new Error(`Expected content-type to be ${exports.EventStreamContentType}, Actual: ${contentType}`);
      }
    }
  }
});

// node_modules/@microsoft/fetch-event-source/lib/cjs/index.js
var require_cjs = __commonJS({
  "node_modules/@microsoft/fetch-event-source/lib/cjs/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.EventStreamContentType = exports.fetchEventSource = void 0;
    var fetch_1 = require_fetch();
    Object.defineProperty(exports, "fetchEventSource", { enumerable: true, get: function() {
      return fetch_1.fetchEventSource;
    } });
    Object.defineProperty(exports, "EventStreamContentType", { enumerable: true, get: function() {
      return fetch_1.EventStreamContentType;
    } });
  }
});

// src/core/errors.ts
var OpencodeError = class extends Error {
  /** Stable discriminator; narrow on it instead of `instanceof` across bundles. */
  code = "opencode";
  /** HTTP status, when the error comes from a response. */
  status;
  /** Parsed response body, when there was one. */
  body;
  constructor(message, options = {}) {
    super(message || new.target.name, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.body = options.body;
  }
};
var BadRequestError = class extends OpencodeError {
  code = "bad_request";
};
var UnauthorizedError = class extends OpencodeError {
  code = "unauthorized";
};
var NotFoundError = class extends OpencodeError {
  code = "not_found";
};
var ConflictError = class extends OpencodeError {
  code = "conflict";
};
var ServerError = class extends OpencodeError {
  code = "server";
};
var UnsupportedServerError = class extends OpencodeError {
  code = "unsupported_server";
};
var ConnectionError = class extends OpencodeError {
  code = "connection";
};
var TimeoutError = class extends OpencodeError {
  code = "timeout";
};
var StaleSessionError = class extends OpencodeError {
  code = "stale_session";
};
var IdleStreamError = class extends OpencodeError {
  code = "idle_stream";
};
var FrameTooLargeError = class extends OpencodeError {
  code = "frame_too_large";
};
var MalformedEventError = class extends OpencodeError {
  code = "malformed_event";
};
var SessionError = class extends OpencodeError {
  code = "session";
  /** The server's error name, e.g. "APIError" or "UnknownError". */
  errorName;
  constructor(errorName, message, options = {}) {
    super(message, options);
    this.errorName = errorName;
  }
};

// src/core/events/decode-event.ts
var EXCERPT_LENGTH = 120;
function excerpt(data) {
  return data.length <= EXCERPT_LENGTH ? data : `${data.slice(0, EXCERPT_LENGTH - 3)}...`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function decodeEvent(data) {
  let value;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    return new MalformedEventError(`SSE frame is not valid JSON: ${excerpt(data)}`, { cause });
  }
  if (!isRecord(value)) return new MalformedEventError(`SSE frame is not a JSON object: ${excerpt(data)}`);
  if (typeof value.type !== "string") {
    return new MalformedEventError(`SSE frame has no string "type": ${excerpt(data)}`);
  }
  const properties = value.properties;
  if (properties === void 0 || properties === null) value.properties = {};
  else if (!isRecord(properties)) {
    return new MalformedEventError(`SSE frame "${value.type}" has non-object properties: ${excerpt(data)}`);
  }
  if (value.id !== void 0 && typeof value.id !== "string") delete value.id;
  return value;
}

// src/core/events/utf8-stream.ts
var decoder = new TextDecoder("utf-8", { ignoreBOM: true });
var BOM = 65279;
function incompleteTail(bytes) {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0;
    if ((byte & 192) === 128) continue;
    const need = byte >= 248 ? 1 : byte >= 240 ? 4 : byte >= 224 ? 3 : byte >= 192 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
function createUtf8Stream() {
  let carry;
  let atStart = true;
  return (chunk) => {
    let bytes = chunk;
    if (carry !== void 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
      carry = void 0;
    }
    const hold = incompleteTail(bytes);
    if (hold > 0) {
      carry = bytes.slice(bytes.length - hold);
      bytes = bytes.subarray(0, bytes.length - hold);
    }
    const text = bytes.length === 0 ? "" : decoder.decode(bytes);
    if (!atStart || text.length === 0) return text;
    atStart = false;
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  };
}
var NON_ASCII = /[\u0080-\uffff]/;
var encoder = new TextEncoder();
function utf8Extra(text) {
  return NON_ASCII.test(text) ? encoder.encode(text).byteLength - text.length : 0;
}

// src/core/events/sse-parser.ts
var LF = 10;
var COLON = 58;
var SPACE = 32;
var LOWER_D = 100;
function createSseParser(handlers, options) {
  const max = options.maxFrameBytes;
  const decode = createUtf8Stream();
  let pieces = [];
  let pieceChars = 0;
  let partial = false;
  let skipLF = false;
  let skipping = false;
  let data;
  let frameChars = 0;
  let ignoredExtra = 0;
  let ended = false;
  function oversize(size) {
    data = void 0;
    frameChars = 0;
    ignoredExtra = 0;
    skipping = true;
    handlers.onOversize(size);
  }
  function dispatch2() {
    const value = data;
    const size = frameChars + ignoredExtra;
    data = void 0;
    frameChars = 0;
    ignoredExtra = 0;
    if (value === void 0 || value === "") return;
    if (size + 2 * value.length > max) {
      const bytes = size + utf8Extra(value);
      if (bytes > max) return handlers.onOversize(bytes);
    }
    handlers.onData(value);
  }
  function line(text, start2, end2, termLength) {
    if (start2 === end2) return dispatch2();
    frameChars += end2 - start2 + termLength;
    if (frameChars > max) return oversize(frameChars);
    if (text.charCodeAt(start2) === LOWER_D && text.startsWith("data", start2)) {
      let from = start2 + 4;
      if (from === end2 || text.charCodeAt(from) === COLON) {
        if (from < end2) from++;
        if (from < end2 && text.charCodeAt(from) === SPACE) from++;
        const value = text.slice(from, end2);
        data = data === void 0 ? value : `${data}
${value}`;
        return;
      }
    }
    ignoredExtra += utf8Extra(text.slice(start2, end2));
  }
  function keepTail(text, from) {
    partial = true;
    if (skipping) return;
    const piece = from === 0 ? text : text.slice(from);
    pieceChars += piece.length;
    if (frameChars + pieceChars > max) {
      const size = frameChars + pieceChars;
      pieces = [];
      pieceChars = 0;
      return oversize(size);
    }
    pieces.push(piece);
  }
  function push(chunk) {
    if (ended) return;
    const text = decode(chunk);
    const length = text.length;
    if (length === 0) return;
    let pos = 0;
    if (skipLF) {
      skipLF = false;
      if (text.charCodeAt(0) === LF) {
        pos = 1;
        if (!skipping && frameChars > 0 && ++frameChars > max) oversize(frameChars);
      }
    }
    let nextLF = text.indexOf("\n", pos);
    let nextCR = text.indexOf("\r", pos);
    while (pos < length) {
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf("\n", pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf("\r", pos);
      if (nextLF !== -1 && frameChars === 0 && !partial && !skipping && (nextCR === -1 || nextCR > nextLF) && text.charCodeAt(nextLF + 1) === LF && text.startsWith("data: ", pos) && (nextLF + 1 - pos) * 3 <= max) {
        const start2 = pos + 6;
        pos = nextLF + 2;
        if (start2 < nextLF) handlers.onData(text.slice(start2, nextLF));
        if (ended) return;
        continue;
      }
      let end2;
      let next;
      if (nextCR === -1 || nextLF !== -1 && nextLF < nextCR) {
        if (nextLF === -1) break;
        end2 = nextLF;
        next = end2 + 1;
      } else {
        end2 = nextCR;
        next = end2 + 1;
        if (next === length) skipLF = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      if (!partial) {
        if (!skipping) line(text, pos, end2, next - end2);
        else if (pos === end2) skipping = false;
      } else {
        partial = false;
        if (!skipping) {
          pieces.push(text.slice(pos, end2));
          const whole = pieces.join("");
          pieces = [];
          pieceChars = 0;
          line(whole, 0, whole.length, next - end2);
        }
      }
      pos = next;
      if (ended) return;
    }
    if (pos < length) keepTail(text, pos);
  }
  function end() {
    if (ended) return;
    ended = true;
    pieces = [];
    data = void 0;
  }
  return { push, end };
}

// src/core/reply/frame-scheduler.ts
var FALLBACK_FRAME_MS = 16;
function timerScheduler(ms) {
  return (flush) => {
    const handle = setTimeout(flush, ms);
    return () => clearTimeout(handle);
  };
}
function isHiddenDocument() {
  const doc = globalThis.document;
  return doc?.visibilityState === "hidden";
}
function frameScheduler() {
  const fallback = timerScheduler(FALLBACK_FRAME_MS);
  return (flush) => {
    const raf = globalThis.requestAnimationFrame;
    if (typeof raf !== "function" || isHiddenDocument()) return fallback(flush);
    const handle = raf(() => flush());
    return () => globalThis.cancelAnimationFrame(handle);
  };
}
function createFrameScheduler(throttle = "frame") {
  if (throttle === "frame") return frameScheduler();
  if (!Number.isFinite(throttle) || throttle <= 0) return null;
  return timerScheduler(throttle);
}

// src/core/reply/persistent-map.ts
var BITS = 5;
var MASK = 31;
var lastKey = "";
var lastHash = 2166136261;
function hashOf(key) {
  if (key === lastKey) return lastHash;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  lastKey = key;
  lastHash = h >>> 0;
  return lastHash;
}
function popcount(n) {
  n = n - (n >>> 1 & 1431655765);
  n = (n & 858993459) + (n >>> 2 & 858993459);
  return Math.imul(n + (n >>> 4) & 252645135, 16843009) >>> 24 & 255;
}
function withChild(children, index2, child) {
  const copy = children.slice();
  copy[index2] = child;
  return copy;
}
function pair(a, b, shift) {
  const fa = a.hash >>> shift & MASK;
  const fb = b.hash >>> shift & MASK;
  if (fa === fb) return { kind: 1, bitmap: 1 << fa, children: [pair(a, b, shift + BITS)] };
  return { kind: 1, bitmap: 1 << fa | 1 << fb, children: fa < fb ? [a, b] : [b, a] };
}
function insert(node, leaf, shift, grew) {
  const bit = 1 << (leaf.hash >>> shift & MASK);
  const index2 = popcount(node.bitmap & bit - 1);
  if ((node.bitmap & bit) === 0) {
    grew.added = true;
    const children = node.children.slice();
    children.splice(index2, 0, leaf);
    return { kind: 1, bitmap: node.bitmap | bit, children };
  }
  const child = node.children[index2];
  let next;
  if (child.kind === 1) {
    next = insert(child, leaf, shift + BITS, grew);
  } else if (child.hash !== leaf.hash) {
    grew.added = true;
    next = pair(child, leaf, shift + BITS);
  } else if (child.kind === 0) {
    if (child.key === leaf.key) next = child.value === leaf.value ? child : leaf;
    else {
      grew.added = true;
      next = { kind: 2, hash: leaf.hash, leaves: [child, leaf] };
    }
  } else {
    const at = child.leaves.findIndex((l) => l.key === leaf.key);
    if (at < 0) grew.added = true;
    if (at >= 0 && child.leaves[at].value === leaf.value) next = child;
    else {
      const leaves = child.leaves.slice();
      if (at < 0) leaves.push(leaf);
      else leaves[at] = leaf;
      next = { kind: 2, hash: leaf.hash, leaves };
    }
  }
  return next === child ? node : { kind: 1, bitmap: node.bitmap, children: withChild(node.children, index2, next) };
}
function* walk(node) {
  if (node.kind === 0) yield [node.key, node.value];
  else if (node.kind === 2) for (const leaf of node.leaves) yield [leaf.key, leaf.value];
  else for (const child of node.children) yield* walk(child);
}
var PersistentMap = class _PersistentMap {
  constructor(root, size) {
    this.root = root;
    this.size = size;
  }
  root;
  size;
  static EMPTY = new _PersistentMap({ kind: 1, bitmap: 0, children: [] }, 0);
  /** The empty map (one shared instance). */
  static empty() {
    return _PersistentMap.EMPTY;
  }
  /** A map of the given entries (later duplicates win). */
  static from(entries) {
    let map = _PersistentMap.empty();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }
  /** The value stored under `key`, or undefined. */
  get(key) {
    const hash = hashOf(key);
    let node = this.root;
    for (let shift = 0; ; shift += BITS) {
      if (node.kind === 0) return node.key === key ? node.value : void 0;
      if (node.kind === 2) return node.leaves.find((l) => l.key === key)?.value;
      const bit = 1 << (hash >>> shift & MASK);
      if ((node.bitmap & bit) === 0) return void 0;
      node = node.children[popcount(node.bitmap & bit - 1)];
    }
  }
  /** True when `key` is present. */
  has(key) {
    return this.get(key) !== void 0;
  }
  /** A map with `key` set to `value`; `this` when it already holds that exact value. */
  set(key, value) {
    const grew = { added: false };
    const root = insert(this.root, { kind: 0, hash: hashOf(key), key, value }, 0, grew);
    return root === this.root ? this : new _PersistentMap(root, grew.added ? this.size + 1 : this.size);
  }
  /** Every entry, in no particular order (use the reply's `partIds` for emission order). */
  entries() {
    return walk(this.root);
  }
};

// src/core/reply/state-copy.ts
function copyState(state) {
  return {
    sessionId: state.sessionId,
    partIds: state.partIds,
    parts: state.parts,
    typeMemo: state.typeMemo,
    totals: state.totals,
    messages: state.messages,
    userMessageId: state.userMessageId,
    userMessageIds: state.userMessageIds,
    status: state.status,
    turn: state.turn,
    turnsEnded: state.turnsEnded,
    endedBy: state.endedBy,
    error: state.error,
    aborted: state.aborted,
    todos: state.todos,
    todoPartId: state.todoPartId,
    questions: state.questions,
    permissions: state.permissions,
    parkedQuestions: state.parkedQuestions,
    lastResolved: state.lastResolved,
    firstTextSeen: state.firstTextSeen
  };
}
function patchState(state, patch) {
  return Object.assign(copyState(state), patch);
}

// src/core/reply/state.ts
var ZERO_TOTALS = Object.freeze({
  cost: 0,
  tokens: Object.freeze({ input: 0, output: 0, reasoning: 0, cache: Object.freeze({ read: 0, write: 0 }) })
});
function initialReplyState(sessionId) {
  return {
    sessionId,
    partIds: [],
    parts: PersistentMap.empty(),
    typeMemo: PersistentMap.empty(),
    totals: ZERO_TOTALS,
    messages: {},
    userMessageId: null,
    userMessageIds: {},
    status: { type: "idle" },
    turn: "idle",
    turnsEnded: 0,
    endedBy: null,
    error: null,
    aborted: false,
    todos: [],
    todoPartId: null,
    questions: {},
    permissions: {},
    parkedQuestions: {},
    lastResolved: null,
    firstTextSeen: false
  };
}
function getPart(state, id) {
  return state.parts.get(id);
}
var listCache = /* @__PURE__ */ new WeakMap();
function listParts(state) {
  let list = listCache.get(state.parts);
  if (!list) {
    list = state.partIds.flatMap((id) => state.parts.get(id) ?? []);
    listCache.set(state.parts, list);
  }
  return list;
}
function isAwaitingInput(state) {
  for (const _ in state.questions) return true;
  for (const _ in state.permissions) return true;
  return false;
}
function withPart(state, part) {
  const parts = state.parts.set(part.id, part);
  if (parts === state.parts) return state;
  const next = copyState(state);
  next.parts = parts;
  if (parts.size !== state.parts.size) next.partIds = [...state.partIds, part.id];
  return next;
}
function withoutParts(state, drop) {
  const kept = listParts(state).filter((part) => !drop(part));
  if (kept.length === state.partIds.length) return state;
  return {
    ...state,
    partIds: kept.map((part) => part.id),
    parts: PersistentMap.from(kept.map((part) => [part.id, part]))
  };
}

// src/core/reply/wire.ts
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str(value) {
  return typeof value === "string" ? value : void 0;
}
function num(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : void 0;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : void 0;
  }
  return void 0;
}
function isBlank(value) {
  if (value === null || value === void 0) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord2(value)) {
    for (const _ in value) return false;
    return true;
  }
  return false;
}
function presentStr(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function presentRecord(value) {
  return isRecord2(value) && !isBlank(value) ? value : void 0;
}
function truncate200(text) {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
function sessionIdOf(properties) {
  const direct = str(properties.sessionID);
  if (direct !== void 0) return direct;
  const info = properties.info;
  if (isRecord2(info)) return str(info.sessionID);
  const part = properties.part;
  if (isRecord2(part)) return str(part.sessionID);
  return void 0;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord2(a) || !isRecord2(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
}

// src/core/reply/parts-other.ts
var OTHER_TYPES = /* @__PURE__ */ new Set([
  "step-start",
  "step-finish",
  "file",
  "snapshot",
  "patch",
  "agent",
  "retry",
  "compaction",
  "subtask"
]);
function isOtherPartType(type) {
  return OTHER_TYPES.has(type);
}
function applyOtherSnapshot(state, part, id, type) {
  const existing = state.parts.get(id);
  if (existing && existing.type !== type) return state;
  const messageID = str(part.messageID);
  const raw = part;
  return withPart(state, { type, id, ...messageID === void 0 ? {} : { messageID }, raw });
}

// src/core/reply/append-text.ts
var FLATTEN_FROM = 4096;
function step(length) {
  const shift = Math.max(0, 27 - Math.clz32(length));
  return length >>> shift;
}
function flatten(text) {
  Number(text);
}
function appendText(previous, delta) {
  const next = previous + delta;
  if (next.length >= FLATTEN_FROM && step(next.length) !== step(previous.length)) flatten(next);
  return next;
}
function withText(part, text) {
  const next = { id: part.id, type: part.type, text };
  if (part.messageID !== void 0) next.messageID = part.messageID;
  if (part.time !== void 0) next.time = part.time;
  if (part.raw !== void 0) next.raw = part.raw;
  return next;
}

// src/core/reply/parts-text.ts
function isTextLike(part) {
  return part?.type === "text" || part?.type === "reasoning";
}
function textPart(type, base, raw) {
  if (type === "text") return raw ? { ...base, type, raw } : { ...base, type };
  return raw ? { ...base, type, raw } : { ...base, type };
}
function readTime(value) {
  if (!isRecord2(value)) return void 0;
  const start2 = num(value.start);
  const end = num(value.end);
  if (start2 === void 0) return end === void 0 ? void 0 : { end };
  return end === void 0 ? { start: start2 } : { start: start2, end };
}
function sameTime(a, b) {
  return a?.start === b?.start && a?.end === b?.end;
}
function deltaText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function applyDelta(state, props) {
  const id = str(props.partID);
  const field2 = props.field;
  const delta = deltaText(props.delta);
  if (id === void 0 || field2 !== "text" && field2 !== "reasoning" || !delta) return state;
  const messageID = str(props.messageID);
  const existing = state.parts.get(id);
  let next;
  if (existing) {
    if (!isTextLike(existing)) return state;
    next = withText(existing, appendText(existing.text, delta));
  } else {
    const type = state.typeMemo.get(id) ?? (field2 === "reasoning" ? "reasoning" : "text");
    next = textPart(type, messageID === void 0 ? { id, text: delta } : { id, messageID, text: delta });
  }
  const updated = withPart(state, next);
  return next.type === "text" && field2 === "text" && !updated.firstTextSeen ? { ...updated, firstTextSeen: true } : updated;
}
function applyTextSnapshot(state, part, id, type) {
  const text = str(part.text);
  const present2 = text !== void 0 && text.trim() !== "";
  const existing = state.parts.get(id);
  if (existing && !isTextLike(existing)) return state;
  if (!present2) {
    if (existing) {
      return existing.type === type ? state : withPart(state, textPart(type, existing, part));
    }
    return state.typeMemo.get(id) === type ? state : { ...state, typeMemo: state.typeMemo.set(id, type) };
  }
  const time = readTime(part.time);
  if (existing && existing.type === type && existing.text === text && sameTime(existing.time, time)) return state;
  const messageID = str(part.messageID) ?? existing?.messageID;
  const base = { id, text };
  return withPart(
    state,
    textPart(
      type,
      { ...base, ...messageID === void 0 ? {} : { messageID }, ...time === void 0 ? {} : { time } },
      part
    )
  );
}

// src/core/reply/question-link.ts
function parkKey(messageID, callID) {
  return `${messageID}:${callID}`;
}
function decoratedInput(input, link) {
  return {
    ...input,
    questions: link.questions,
    opencode_request_id: link.requestId,
    opencode_message_id: link.messageID,
    opencode_call_id: link.callID
  };
}
function linkPart(part, link) {
  return { ...part, question: link, input: decoratedInput(part.input, link) };
}
function drainParked(state, part) {
  const parked = state.parkedQuestions;
  if (part.tool !== "question" || !part.callID) return { part, parked };
  let key;
  if (part.messageID) {
    key = parkKey(part.messageID, part.callID);
    if (!(key in parked)) key = void 0;
  } else {
    key = Object.keys(parked).find((k) => parked[k]?.callID === part.callID);
  }
  const link = key === void 0 ? void 0 : parked[key];
  if (key === void 0 || !link) return { part, parked };
  const { [key]: _used, ...rest } = parked;
  return { part: linkPart(part, link), parked: rest };
}

// src/core/reply/parts-tool.ts
var TODO_TOOLS = /* @__PURE__ */ new Set(["todowrite", "todoread"]);
function readToolTime(value) {
  if (!isRecord2(value)) return void 0;
  const time = {};
  const start2 = num(value.start);
  const end = num(value.end);
  const compacted = num(value.compacted);
  if (start2 !== void 0) time.start = start2;
  if (end !== void 0) time.end = end;
  if (compacted !== void 0) time.compacted = compacted;
  return start2 === void 0 && end === void 0 && compacted === void 0 ? void 0 : time;
}
function mergeToolSnapshot(prev, part) {
  const next = { ...prev };
  const name = presentStr(part.tool);
  if (name !== void 0 && name !== "invalid") next.tool = name;
  const toolState = part.state;
  const callID = presentStr(part.callID) ?? (isRecord2(toolState) ? presentStr(toolState.callID) : void 0);
  const messageID = presentStr(part.messageID) ?? (isRecord2(toolState) ? presentStr(toolState.messageID) : void 0);
  if (callID !== void 0) next.callID = callID;
  if (messageID !== void 0) next.messageID = messageID;
  next.raw = part;
  if (!isRecord2(toolState)) return next;
  const status = str(toolState.status);
  if (status !== void 0) next.status = status;
  const title = presentStr(toolState.title);
  if (title !== void 0) next.title = title;
  const output = presentStr(toolState.output);
  if (output !== void 0) next.output = output;
  const input = presentRecord(toolState.input);
  if (input !== void 0) next.input = next.question ? decoratedInput(input, next.question) : input;
  const metadata = presentRecord(toolState.metadata);
  if (metadata !== void 0) next.metadata = metadata;
  const error = presentStr(toolState.error);
  if (error !== void 0) next.error = truncate200(error);
  const time = readToolTime(toolState.time);
  if (time !== void 0) next.time = time;
  const attachments = toolState.attachments;
  if (Array.isArray(attachments) && attachments.length > 0) {
    next.attachments = attachments.filter(isRecord2);
  }
  return next;
}
function registerToolPart(id, part) {
  const toolState = part.state;
  const base = {
    type: "tool",
    id,
    tool: str(part.tool) ?? "",
    status: (isRecord2(toolState) ? str(toolState.status) : void 0) ?? ""
  };
  return mergeToolSnapshot(base, part);
}
function applyToolSnapshot(state, part, id) {
  const existing = state.parts.get(id);
  if (existing && existing.type !== "tool") return state;
  const merged = existing ? mergeToolSnapshot(existing, part) : registerToolPart(id, part);
  const drained = drainParked(state, merged);
  const next = withPart(state, drained.part);
  const becameTodoTarget = !existing && TODO_TOOLS.has(drained.part.tool);
  if (drained.parked === state.parkedQuestions && !becameTodoTarget) return next;
  return {
    ...next,
    parkedQuestions: drained.parked,
    todoPartId: becameTodoTarget ? id : next.todoPartId
  };
}

// src/core/reply/prompts.ts
function toolRef(value) {
  if (!isRecord2(value)) return void 0;
  const messageID = str(value.messageID);
  const callID = str(value.callID);
  return messageID === void 0 || callID === void 0 ? void 0 : { messageID, callID };
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function linkQuestion(state, link) {
  if (link.callID === "") return state;
  for (const id of state.partIds) {
    const part = state.parts.get(id);
    if (part?.type === "tool" && part.tool === "question" && part.callID === link.callID) {
      return withPart(state, linkPart(part, link));
    }
  }
  return { ...state, parkedQuestions: { ...state.parkedQuestions, [parkKey(link.messageID, link.callID)]: link } };
}
function applyQuestionAsked(state, props, now) {
  const id = str(props.id);
  if (id === void 0) return state;
  const items = Array.isArray(props.questions) ? props.questions.filter(isRecord2) : [];
  const questions = items;
  const tool = toolRef(props.tool);
  const pending = {
    id,
    kind: "question",
    questions,
    ...tool ? { tool } : {},
    askedAt: now,
    raw: props
  };
  const next = { ...state, questions: { ...state.questions, [id]: pending } };
  return tool ? linkQuestion(next, { requestId: id, messageID: tool.messageID, callID: tool.callID, questions }) : next;
}
function applyPermissionAsked(state, props, now) {
  const id = str(props.id);
  if (id === void 0) return state;
  const tool = toolRef(props.tool);
  const pending = {
    id,
    kind: "permission",
    permission: str(props.permission) ?? "",
    patterns: strings(props.patterns),
    always: strings(props.always),
    metadata: isRecord2(props.metadata) ? props.metadata : {},
    ...tool ? { tool } : {},
    askedAt: now,
    raw: props
  };
  return { ...state, permissions: { ...state.permissions, [id]: pending } };
}
function applyResolved(state, props, now, resolution) {
  const id = str(props.requestID);
  if (id === void 0) return state;
  const question = state.questions[id];
  const permission = state.permissions[id];
  const entry = question ?? permission;
  const lastResolved = {
    id,
    kind: entry?.kind ?? null,
    ...resolution,
    askedAt: entry?.askedAt ?? null,
    resolvedAt: now
  };
  let next = { ...state, lastResolved };
  if (question) {
    const { [id]: _q, ...questions } = state.questions;
    next = { ...next, questions };
  }
  if (permission) {
    const { [id]: _p, ...permissions } = state.permissions;
    next = { ...next, permissions };
  }
  return next;
}
function answersOf(value) {
  return Array.isArray(value) ? value.map(strings) : [];
}

// src/core/reply/session-status.ts
var ABORT_ERROR_NAME = "MessageAbortedError";
function markActive(state) {
  return state.turn === "idle" ? patchState(state, { turn: "running" }) : state;
}
function endTurn(state, by) {
  const status = state.status.type === "idle" ? state.status : { type: "idle" };
  if (state.turn !== "running") return status === state.status ? state : patchState(state, { status });
  return patchState(state, { status, turn: "done", turnsEnded: state.turnsEnded + 1, endedBy: by });
}
function sameStatus(a, b) {
  if (a.type !== "retry" || b.type !== "retry") return a.type === b.type;
  return a.attempt === b.attempt && a.message === b.message && a.next === b.next;
}
function applySessionStatus(state, props) {
  const raw = props.status;
  if (!isRecord2(raw)) return state;
  let status;
  switch (raw.type) {
    case "idle":
      return endTurn(state, "session.status");
    case "busy":
      status = { type: "busy" };
      break;
    case "retry":
      status = {
        type: "retry",
        attempt: num(raw.attempt) ?? null,
        message: str(raw.message) ?? "",
        next: num(raw.next) ?? null
      };
      break;
    default:
      return state;
  }
  if (sameStatus(status, state.status) && state.turn === "running") return state;
  return patchState(state, { status: sameStatus(status, state.status) ? state.status : status, turn: "running" });
}
function applySessionIdle(state) {
  return endTurn(state, "session.idle");
}
function errorText(error) {
  if (!isRecord2(error)) return "";
  const name = presentStr(error.name);
  const message = isRecord2(error.data) ? presentStr(error.data.message) : void 0;
  return [name, message].filter((s) => s !== void 0).join(": ");
}
function applySessionError(state, props) {
  const raw = isRecord2(props.error) ? props.error : {};
  const name = str(raw.name) ?? "";
  if (name === ABORT_ERROR_NAME) return state.aborted ? state : patchState(state, { aborted: true });
  return patchState(state, { error: new SessionError(name, errorText(raw), { body: raw }) });
}

// src/core/reply/todos.ts
var TODO_SOURCE = "todo.updated";
function isStreamOnly(part) {
  return part.type === "tool" && part.metadata?.source === TODO_SOURCE;
}
function canonicalTodoStatus(status) {
  if (status === null) return "";
  return typeof status === "string" ? status.replaceAll("-", "_") : status;
}
function canonicalTodos(list) {
  if (!Array.isArray(list)) return [];
  return list.map(
    (item) => isRecord2(item) && "status" in item ? { ...item, status: canonicalTodoStatus(item.status) } : item
  );
}
function typedTodos(list) {
  return list.filter(isRecord2).map((item) => ({
    ...item,
    content: str(item.content) ?? "",
    status: str(item.status) ?? "",
    priority: str(item.priority) ?? ""
  }));
}
function synthesisedId(state) {
  let n = state.partIds.length;
  while (state.parts.has(`todo_${n}`)) n++;
  return `todo_${n}`;
}
function applyTodoUpdated(state, props) {
  const raw = props.todos;
  if (raw !== void 0 && raw !== null && !Array.isArray(raw)) return state;
  const canonical = canonicalTodos(raw);
  const todos = typedTodos(canonical);
  const target = state.todoPartId === null ? void 0 : state.parts.get(state.todoPartId);
  if (target?.type === "tool") {
    const refreshed = {
      ...target,
      input: { ...target.input, todos: canonical },
      status: isBlank(target.status) ? "completed" : target.status
    };
    return { ...withPart(state, refreshed), todos };
  }
  const id = synthesisedId(state);
  const part = {
    type: "tool",
    id,
    tool: "todowrite",
    status: "completed",
    input: { todos: canonical },
    metadata: { source: TODO_SOURCE }
  };
  return { ...withPart(state, part), todos, todoPartId: id };
}

// src/core/reply/usage.ts
function stepTotals(part) {
  const tokens = isRecord2(part.tokens) ? part.tokens : {};
  const cache2 = isRecord2(tokens.cache) ? tokens.cache : {};
  return {
    cost: num(part.cost) ?? 0,
    tokens: {
      input: num(tokens.input) ?? 0,
      output: num(tokens.output) ?? 0,
      reasoning: num(tokens.reasoning) ?? 0,
      cache: { read: num(cache2.read) ?? 0, write: num(cache2.write) ?? 0 }
    }
  };
}
function addTotals(a, b, sign = 1) {
  return {
    cost: a.cost + sign * b.cost,
    tokens: {
      input: a.tokens.input + sign * b.tokens.input,
      output: a.tokens.output + sign * b.tokens.output,
      reasoning: a.tokens.reasoning + sign * b.tokens.reasoning,
      cache: {
        read: a.tokens.cache.read + sign * b.tokens.cache.read,
        write: a.tokens.cache.write + sign * b.tokens.cache.write
      }
    }
  };
}
function sumStepTotals(parts) {
  let totals = ZERO_TOTALS;
  for (const part of parts) if (part.type === "step-finish") totals = addTotals(totals, stepTotals(part));
  return totals;
}
function applyStepFinish(state, part, id) {
  let totals = addTotals(state.totals, stepTotals(part));
  if (id === void 0) return patchState(state, { totals });
  const previous = state.parts.get(id);
  if (previous && previous.type !== "step-finish") return state;
  if (previous) totals = addTotals(totals, stepTotals(previous.raw), -1);
  const messageID = str(part.messageID);
  const raw = part;
  const next = withPart(state, { type: "step-finish", id, ...messageID === void 0 ? {} : { messageID }, raw });
  return patchState(next, { totals });
}
function applyMessageUpdated(state, props) {
  const info = props.info;
  if (!isRecord2(info)) return state;
  const id = str(info.id);
  if (id === void 0) return state;
  if (info.role === "user") {
    if (state.userMessageIds[id] === true) return state;
    const next = patchState(state, {
      userMessageId: id,
      userMessageIds: { ...state.userMessageIds, [id]: true },
      // A new prompt starts a turn; servers without session.status never send busy.
      turn: "running"
    });
    return withoutParts(next, (part) => part.messageID === id);
  }
  if (info.role !== "assistant") return state;
  const messages = { ...state.messages, [id]: info };
  const parentID = str(info.parentID);
  if (state.userMessageId !== null || parentID === void 0) return patchState(state, { messages });
  return patchState(state, {
    messages,
    userMessageId: parentID,
    userMessageIds: { ...state.userMessageIds, [parentID]: true }
  });
}

// src/core/reply/reduce.ts
function applyPartUpdated(state, props) {
  const part = props.part;
  if (!isRecord2(part)) return state;
  const type = str(part.type);
  const id = str(part.id);
  const messageID = str(part.messageID);
  if (type === void 0 || messageID !== void 0 && state.userMessageIds[messageID] === true) return state;
  if (type === "step-finish") return applyStepFinish(state, part, id);
  if (id === void 0) return state;
  if (type === "text" || type === "reasoning") return applyTextSnapshot(state, part, id, type);
  if (type === "tool") return applyToolSnapshot(state, part, id);
  return isOtherPartType(type) ? applyOtherSnapshot(state, part, id, type) : state;
}
function applyDeltaEvent(state, props) {
  const messageID = str(props.messageID);
  return messageID !== void 0 && state.userMessageIds[messageID] === true ? state : applyDelta(state, props);
}
function dispatch(state, type, props, now) {
  switch (type) {
    case "message.part.delta":
      return applyDeltaEvent(state, props);
    case "message.part.updated":
      return applyPartUpdated(state, props);
    case "message.updated":
      return applyMessageUpdated(state, props);
    case "session.status":
      return applySessionStatus(state, props);
    case "session.idle":
      return applySessionIdle(state);
    case "session.error":
      return applySessionError(state, props);
    case "todo.updated":
      return applyTodoUpdated(state, props);
    case "question.asked":
      return applyQuestionAsked(state, props, now);
    case "question.replied":
      return applyResolved(state, props, now, { outcome: "replied", answers: answersOf(props.answers) });
    case "question.rejected":
      return applyResolved(state, props, now, { outcome: "rejected" });
    case "permission.asked":
      return applyPermissionAsked(state, props, now);
    case "permission.replied": {
      const reply = str(props.reply);
      return applyResolved(state, props, now, { outcome: "replied", ...reply === void 0 ? {} : { reply } });
    }
    default:
      return state;
  }
}
var ACTIVITY = /* @__PURE__ */ new Set(["message.part.delta", "message.part.updated", "message.updated"]);
function reduce(state, event, now = Date.now()) {
  const props = event.properties;
  if (!isRecord2(props) || typeof event.type !== "string") return state;
  const sessionId = sessionIdOf(props);
  if (sessionId !== void 0 && sessionId !== state.sessionId) return state;
  const next = dispatch(state, event.type, props, now);
  return next !== state && next.turn === "idle" && ACTIVITY.has(event.type) ? markActive(next) : next;
}

// src/core/reply/distill.ts
function isTerminalTool(part) {
  return part.type === "tool" && (part.status === "completed" || part.status === "error");
}
var cache = /* @__PURE__ */ new WeakMap();
function distill(state) {
  const cached = cache.get(state);
  if (cached) return cached;
  const parts = listParts(state);
  const text = [];
  const reasoning = [];
  const toolParts = [];
  for (const part of parts) {
    if (part.type === "text") text.push(part.text);
    else if (part.type === "reasoning") reasoning.push(part.text);
    else if (isTerminalTool(part)) toolParts.push(part);
  }
  const result = {
    text: text.join("\n\n"),
    reasoning: reasoning.join("\n\n"),
    toolParts,
    parts,
    cost: state.totals.cost,
    tokens: state.totals.tokens
  };
  cache.set(state, result);
  return result;
}

// src/core/reply/wire-parts.ts
var scratch = initialReplyState("");
function partFromWire(value) {
  if (!isRecord2(value)) return void 0;
  const id = str(value.id);
  const type = str(value.type);
  if (id === void 0 || type === void 0) return void 0;
  if (type === "text" || type === "reasoning") return applyTextSnapshot(scratch, value, id, type).parts.get(id);
  if (type === "tool") {
    const part = registerToolPart(id, value);
    if (part.status === "error" || part.error === void 0) return part;
    const { error: _dropped, ...rest } = part;
    return rest;
  }
  return isOtherPartType(type) ? applyOtherSnapshot(scratch, value, id, type).parts.get(id) : void 0;
}

// src/core/reply/reconcile.ts
var infoOf = (entry) => entry.info;
function findTurn(state, messages) {
  if (!Array.isArray(messages)) return void 0;
  const entries = messages.filter((m) => isRecord2(m) && isRecord2(m.info));
  let userId = null;
  if (state.userMessageId !== null) {
    const known = entries.some((m) => infoOf(m).role === "user" && infoOf(m).id === state.userMessageId);
    if (!known) return void 0;
    userId = state.userMessageId;
  } else {
    for (const m of entries) if (infoOf(m).role === "user") userId = str(infoOf(m).id) ?? userId;
  }
  const assistants = entries.filter(
    (m) => infoOf(m).role === "assistant" && (userId === null || infoOf(m).parentID === userId)
  );
  return { userId, assistants };
}
function samePart(a, b) {
  if (a === b) return true;
  const { raw: rawA, ...restA } = a;
  const { raw: rawB, ...restB } = b;
  if (!jsonEqual(restA, restB)) return false;
  return a.type === "text" || a.type === "reasoning" || a.type === "tool" || jsonEqual(rawA, rawB);
}
function wireParts(stored, liveById) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const raw of stored) {
    const id = isRecord2(raw) ? str(raw.id) : void 0;
    if (id === void 0 || seen.has(id)) continue;
    const blankText = isRecord2(raw) && (raw.type === "text" || raw.type === "reasoning");
    const part = partFromWire(raw) ?? (blankText ? liveById.get(id) : void 0);
    if (part) {
      seen.add(id);
      out.push(part);
    }
  }
  return out;
}
function mergeParts(live, wire, liveById) {
  const wireIds = new Set(wire.map((p) => p.id));
  const counterpart = /* @__PURE__ */ new Map();
  const anchorOf = /* @__PURE__ */ new Map();
  const pairUp = (w, l) => {
    if (!l) return;
    counterpart.set(w.id, l);
    anchorOf.set(l.id, w.id);
  };
  for (const w of wire) pairUp(w, liveById.get(w.id));
  const leftLive = live.filter((p) => !isStreamOnly(p) && !wireIds.has(p.id));
  wire.filter((w) => !liveById.has(w.id)).forEach((w, i) => pairUp(w, leftLive[i]));
  const after = /* @__PURE__ */ new Map();
  let anchor = null;
  for (const p of live) {
    if (isStreamOnly(p)) after.set(anchor, [...after.get(anchor) ?? [], p]);
    else anchor = anchorOf.get(p.id) ?? anchor;
  }
  const out = [...after.get(null) ?? []];
  for (const w of wire) {
    const l = counterpart.get(w.id);
    out.push(l && samePart(l, w) ? l : w);
    out.push(...after.get(w.id) ?? []);
  }
  return out;
}
function sameMessages(a, b) {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => jsonEqual(a[k], b[k]));
}
function reconcileTurn(state, messages) {
  const turn = findTurn(state, messages);
  if (!turn) return state;
  const stored = turn.assistants.flatMap((m) => Array.isArray(m.parts) ? m.parts : []);
  const live = listParts(state);
  const liveById = new Map(live.filter((p) => !isStreamOnly(p)).map((p) => [p.id, p]));
  const wire = wireParts(stored, liveById);
  if (wire.length === 0) return state;
  const merged = mergeParts(live, wire, liveById);
  const unchanged = merged.length === live.length && merged.every((p, i) => p === live[i]);
  const totals = sumStepTotals(stored.filter(isRecord2));
  const fetched = {};
  for (const m of turn.assistants) {
    const id = str(infoOf(m).id);
    if (id !== void 0) fetched[id] = infoOf(m);
  }
  const messagesById = sameMessages(state.messages, fetched) ? state.messages : fetched;
  let todoPartId = null;
  for (const p of merged) if (p.type === "tool" && TODO_TOOLS.has(p.tool)) todoPartId = p.id;
  const next = {
    ...state,
    ...unchanged ? {} : { partIds: merged.map((p) => p.id), parts: PersistentMap.from(merged.map((p) => [p.id, p])) },
    totals: jsonEqual(totals, state.totals) ? state.totals : totals,
    messages: messagesById,
    userMessageId: turn.userId ?? state.userMessageId,
    userMessageIds: turn.userId === null || state.userMessageIds[turn.userId] ? state.userMessageIds : { ...state.userMessageIds, [turn.userId]: true },
    todoPartId
  };
  const same = Object.keys(next).every((k) => next[k] === state[k]);
  return same ? state : next;
}

// node_modules/zustand/esm/vanilla.mjs
var createStoreImpl = (createState) => {
  let state;
  const listeners = /* @__PURE__ */ new Set();
  const setState = (partial, replace) => {
    const nextState = typeof partial === "function" ? partial(state) : partial;
    if (!Object.is(nextState, state)) {
      const previousState = state;
      state = (replace != null ? replace : typeof nextState !== "object" || nextState === null) ? nextState : Object.assign({}, state, nextState);
      listeners.forEach((listener) => listener(state, previousState));
    }
  };
  const getState = () => state;
  const getInitialState = () => initialState;
  const subscribe = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const api = { setState, getState, getInitialState, subscribe };
  const initialState = state = createState(setState, getState, api);
  return api;
};
var createStore = ((createState) => createState ? createStoreImpl(createState) : createStoreImpl);

// src/core/events/route.ts
function field(value, key) {
  return typeof value === "object" && value !== null ? value[key] : void 0;
}
function sessionIdOf2(event) {
  const properties = event.properties;
  const info = properties.info;
  const id = properties.sessionID ?? field(info, "sessionID") ?? (event.type.startsWith("session.") ? field(info, "id") : void 0) ?? field(properties.part, "sessionID");
  return typeof id === "string" ? id : void 0;
}
function isServerEvent(event) {
  return event.type.startsWith("server.");
}

// src/core/reply/batcher.ts
var URGENT_TYPES = /* @__PURE__ */ new Set(["session.status", "session.idle", "session.error"]);
function isUrgentEvent(event) {
  const type = event.type;
  if (type.charCodeAt(0) === 109) return false;
  return URGENT_TYPES.has(type) || type.startsWith("question.") || type.startsWith("permission.");
}
function createEventBatcher(options) {
  const { scheduler, apply } = options;
  let buffer = [];
  let cancel;
  let flushing = false;
  let disposed = false;
  function flush() {
    if (cancel !== void 0) {
      cancel();
      cancel = void 0;
    }
    if (flushing || disposed) return;
    flushing = true;
    try {
      while (buffer.length > 0 && !disposed) {
        const batch = buffer;
        buffer = [];
        apply(batch);
      }
    } finally {
      flushing = false;
    }
  }
  return {
    push(event, urgent = isUrgentEvent(event)) {
      if (disposed) return;
      buffer.push(event);
      if (scheduler === null || urgent) flush();
      else if (cancel === void 0 && !flushing) {
        cancel = scheduler(() => {
          cancel = void 0;
          flush();
        });
      }
    },
    flush,
    dispose() {
      disposed = true;
      buffer = [];
      cancel?.();
      cancel = void 0;
    },
    get size() {
      return buffer.length;
    }
  };
}

// src/core/reply/mid-turn-merge.ts
function stitchText(stored, live, sent) {
  const lo = Math.max(1, Math.min(sent, live.length));
  for (let j = Math.min(live.length, stored.length); j >= lo; j--) {
    if (stored.endsWith(live.slice(0, j))) return stored + live.slice(j);
  }
  if (stored.includes(live)) return stored;
  if (sent === 0) return stored + live;
  return live.length > stored.length ? live : stored;
}
function textLengths(state) {
  const lengths = /* @__PURE__ */ new Map();
  for (const part of listParts(state)) {
    if (part.type === "text" || part.type === "reasoning") lengths.set(part.id, part.text.length);
  }
  return lengths;
}
function mergeMidTurn(live, items, sent) {
  let merged = reconcileTurn(live, items);
  if (merged === live) return live;
  for (const part of listParts(live)) {
    const now = getPart(merged, part.id);
    if (now === void 0) {
      merged = withPart(merged, part);
      continue;
    }
    if (now === part || now.type !== "text" && now.type !== "reasoning" || now.type !== part.type) continue;
    const text = stitchText(now.text, part.text, sent.get(part.id) ?? 0);
    if (text !== now.text) merged = withPart(merged, withText(now, text));
  }
  return merged;
}
async function refetchMidTurn(rt, generation) {
  const t = rt.turn;
  if (t.disposed || generation !== t.generation || t.stage !== "running") return;
  rt.flush();
  const sent = textLengths(t.reply);
  let items;
  try {
    items = (await rt.client.messages.list(rt.sessionId)).items;
  } catch (error) {
    rt.report(error);
    return;
  }
  if (t.disposed || generation !== t.generation || t.stage !== "running") return;
  rt.flush();
  const merged = mergeMidTurn(t.reply, items, sent);
  if (merged === t.reply) return;
  t.reply = merged;
  rt.publish();
}

// src/core/reply/watchdog.ts
var IDLE_CLOCK = Object.freeze({
  running: false,
  windowFrom: 0,
  firstEventSeen: false,
  stalled: false,
  wedged: false,
  lastEventAt: null,
  idleFrom: null,
  turnFrom: null,
  suspended: false
});
function armClock(clock, now) {
  return { ...IDLE_CLOCK, lastEventAt: clock.lastEventAt, running: true, windowFrom: now, turnFrom: now };
}
function observeTurn(clock, now) {
  return { ...armClock(clock, now), firstEventSeen: true, idleFrom: now };
}
function restartAfterPost(clock, now) {
  if (!clock.running) return clock;
  return {
    ...clock,
    windowFrom: now,
    stalled: false,
    idleFrom: clock.firstEventSeen ? now : null,
    turnFrom: clock.suspended ? null : now
  };
}
function noteEvent(clock, now, ofTurn) {
  const counts = clock.running && ofTurn;
  return {
    running: clock.running,
    windowFrom: clock.windowFrom,
    firstEventSeen: counts || clock.firstEventSeen,
    stalled: counts ? false : clock.stalled,
    wedged: counts ? false : clock.wedged,
    lastEventAt: now,
    idleFrom: counts ? now : clock.idleFrom,
    turnFrom: clock.turnFrom,
    suspended: clock.suspended
  };
}
function setSuspended(clock, suspended, now) {
  if (clock.suspended === suspended) return clock;
  if (!clock.running) return { ...clock, suspended };
  return { ...clock, suspended, turnFrom: suspended ? null : now };
}
function disarm(clock) {
  if (!clock.running) return clock;
  return { ...clock, running: false, stalled: false, wedged: false, idleFrom: null, turnFrom: null };
}
function deadlinesOf(clock, config) {
  if (!clock.running) return { "first-event": null, idle: null, turn: null };
  return {
    turn: clock.turnFrom === null ? null : clock.turnFrom + config.turnMs,
    "first-event": clock.firstEventSeen || clock.stalled ? null : clock.windowFrom + config.firstEventMs,
    idle: config.idleMs === void 0 || clock.idleFrom === null ? null : clock.idleFrom + config.idleMs
  };
}
var ORDER = ["turn", "first-event", "idle"];
function nextDeadline(clock, config) {
  if (!clock.running) return null;
  let at = Infinity;
  let kind = "turn";
  if (clock.turnFrom !== null) at = clock.turnFrom + config.turnMs;
  if (!clock.firstEventSeen && !clock.stalled && clock.windowFrom + config.firstEventMs < at) {
    at = clock.windowFrom + config.firstEventMs;
    kind = "first-event";
  }
  if (config.idleMs !== void 0 && clock.idleFrom !== null && clock.idleFrom + config.idleMs < at) {
    at = clock.idleFrom + config.idleMs;
    kind = "idle";
  }
  return at === Infinity ? null : { at, kind };
}
function dueWatchdog(clock, config, now) {
  const deadlines = deadlinesOf(clock, config);
  for (const kind of ORDER) {
    const at = deadlines[kind];
    if (at !== null && now >= at) return kind;
  }
  return null;
}
function fire(clock, kind) {
  if (kind === "turn") return disarm(clock);
  if (kind === "first-event") return { ...clock, stalled: true };
  return { ...clock, wedged: true, idleFrom: null };
}

// src/core/reply/final-merge.ts
function finishTurn(rt) {
  const t = rt.turn;
  const generation = t.generation;
  const ended = t.reply;
  t.stage = "finishing";
  t.clock = disarm(t.clock);
  rt.rearm();
  void (async () => {
    let items;
    try {
      items = (await rt.client.messages.list(rt.sessionId)).items;
    } catch (error) {
      rt.report(error);
    }
    if (t.disposed) return;
    rt.flush();
    const current = generation === t.generation && t.stage === "finishing";
    const base = current ? t.reply : ended;
    const merged = items === void 0 ? base : reconcileTurn(base, items);
    const result = distill(merged);
    if (current) {
      t.reply = merged;
      t.result = result;
      t.stage = "idle";
      rt.publish();
    }
    rt.finished(result, { aborted: merged.aborted, error: current ? t.error : merged.error });
  })();
}
var sessionEvent = (rt, type, properties = {}) => ({
  type,
  properties: { sessionID: rt.sessionId, ...properties }
});
async function checkEnded(rt) {
  const t = rt.turn;
  const generation = t.generation;
  let busy;
  try {
    const statuses = await rt.client.sessions.status();
    const status = statuses[rt.sessionId];
    busy = status !== void 0 && status.type !== "idle";
  } catch (error) {
    rt.report(error);
    return "unknown";
  }
  if (t.disposed || generation !== t.generation || t.stage !== "running") return "unknown";
  if (busy) return "busy";
  rt.flush();
  if (t.reply.turn === "done") return "ended";
  if (t.reply.turn === "idle") rt.inject(sessionEvent(rt, "session.status", { status: { type: "busy" } }));
  rt.inject(sessionEvent(rt, "session.idle"));
  return "ended";
}
async function refetchAfterReconnect(rt) {
  const t = rt.turn;
  if (t.stage === "connecting" && t.posting) await t.postSettled;
  if (t.stage !== "running" || t.disposed) return;
  const generation = t.generation;
  if (await checkEnded(rt) === "ended") return;
  await refetchMidTurn(rt, generation);
}

// src/core/reply/resume-turn.ts
async function resumeTurn(rt) {
  const t = rt.turn;
  const generation = t.generation;
  const ended = t.reply.turnsEnded;
  let status;
  try {
    status = (await rt.client.sessions.status())[rt.sessionId];
  } catch (error) {
    rt.report(error);
    return;
  }
  if (t.disposed || status === void 0 || status.type === "idle") return;
  if (generation !== t.generation || t.reply.turnsEnded !== ended) return;
  if (t.stage !== "idle" && t.stage !== "running") return;
  rt.flush();
  if (t.reply.turn === "idle") rt.inject({ type: "session.status", properties: { sessionID: rt.sessionId, status } });
  await refetchMidTurn(rt, generation);
}

// src/core/reply/project-state.ts
function projectState(reply, extras) {
  return {
    sessionId: reply.sessionId,
    partIds: reply.partIds,
    parts: reply.parts,
    typeMemo: reply.typeMemo,
    totals: reply.totals,
    messages: reply.messages,
    userMessageId: reply.userMessageId,
    userMessageIds: reply.userMessageIds,
    turn: reply.turn,
    turnsEnded: reply.turnsEnded,
    endedBy: reply.endedBy,
    aborted: reply.aborted,
    todos: reply.todos,
    todoPartId: reply.todoPartId,
    questions: reply.questions,
    permissions: reply.permissions,
    parkedQuestions: reply.parkedQuestions,
    lastResolved: reply.lastResolved,
    firstTextSeen: reply.firstTextSeen,
    reply,
    sessionStatus: reply.status,
    status: extras.status,
    error: extras.error,
    watchdog: extras.watchdog,
    result: extras.result,
    send: extras.send,
    abort: extras.abort,
    dispose: extras.dispose
  };
}

// src/core/reply/reply-status.ts
function deriveReplyStatus(inputs) {
  if (inputs.failed) return "error";
  switch (inputs.stage) {
    case "idle":
      return "idle";
    case "connecting":
      return inputs.stalled ? "stalled" : "connecting";
    default:
      if (inputs.stalled) return "stalled";
      if (inputs.wedged) return "wedged";
      if (!inputs.firstEventSeen) return "submitted";
      return inputs.awaitingInput && inputs.stage === "running" ? "awaiting-input" : "streaming";
  }
}

// src/core/reply/reply-runtime.ts
function toError(value) {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}
function seconds(ms) {
  return `${ms / 1e3}s`;
}

// src/core/reply/coalesce-events.ts
var SNAPSHOT = "message.part.updated";
var DELTA = "message.part.delta";
function partOf(event, sessionId) {
  const props = event.properties;
  const session = sessionIdOf(props);
  if (session !== void 0 && session !== sessionId) return void 0;
  if (event.type === DELTA) {
    const id2 = str(props.partID);
    if (id2 === void 0 || props.field !== "text" && props.field !== "reasoning") return void 0;
    const delta = props.delta;
    const creates = typeof delta === "string" && delta !== "" || typeof delta === "number" || typeof delta === "boolean";
    return { id: id2, kind: "text", covers: false, creates, text: creates && props.field === "text", messageID: str(props.messageID) };
  }
  if (event.type !== SNAPSHOT || !isRecord2(props.part)) return void 0;
  const part = props.part;
  const id = str(part.id);
  const type = str(part.type);
  if (id === void 0 || type === void 0 || type === "tool") return void 0;
  const messageID = str(part.messageID);
  if (type === "text" || type === "reasoning") {
    const present2 = typeof part.text === "string" && part.text.trim() !== "";
    return { id, kind: "text", covers: present2, creates: present2, text: false, messageID };
  }
  return isOtherPartType(type) ? { id, kind: type, covers: true, creates: true, text: false, messageID } : void 0;
}
var UserIds = class {
  constructor(state) {
    this.state = state;
  }
  state;
  // Created on the first announcement: most batches have none (this runs once per frame).
  added;
  /** Notes a user message announced by `event`; true when it did. */
  note(event) {
    if (event.type !== "message.updated") return false;
    const info = event.properties.info;
    const id = isRecord2(info) && info.role === "user" ? str(info.id) : void 0;
    if (id !== void 0) (this.added ??= /* @__PURE__ */ new Set()).add(id);
    return id !== void 0;
  }
  has(id) {
    return id !== void 0 && (this.state.userMessageIds[id] === true || this.added?.has(id) === true);
  }
};
function coalesceEvents(events, state) {
  const covers = [];
  let any = false;
  let users = new UserIds(state);
  let segment = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (users.note(event)) segment += 1;
    if (event.type !== SNAPSHOT) continue;
    const part = partOf(event, state.sessionId);
    if (!part?.covers || users.has(part.messageID)) continue;
    (covers[segment] ??= /* @__PURE__ */ new Map()).set(part.id, { index: i, kind: part.kind });
    any = true;
  }
  if (!any) return events;
  users = new UserIds(state);
  segment = 0;
  const kept = [];
  const seen = /* @__PURE__ */ new Map();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (users.note(event)) {
      segment += 1;
      seen.clear();
    }
    const part = event.type === SNAPSHOT || event.type === DELTA ? partOf(event, state.sessionId) : void 0;
    if (part === void 0 || users.has(part.messageID)) {
      kept.push(event);
      continue;
    }
    let record = seen.get(part.id);
    if (record === void 0) {
      record = { created: segment === 0 && state.parts.has(part.id), textSeen: state.firstTextSeen, pending: void 0 };
      seen.set(part.id, record);
    }
    const cover = covers[segment]?.get(part.id);
    const covered = cover !== void 0 && i < cover.index && cover.kind === part.kind;
    const blank = event.type === SNAPSHOT && !part.covers;
    const needed = !covered || blank || part.creates && !record.created || part.text && !record.textSeen;
    if (event.type === SNAPSHOT) record.textSeen = state.firstTextSeen;
    if (!needed) {
      if (event.type === SNAPSHOT) record.pending = event;
      continue;
    }
    if (record.pending !== void 0 && (cover === void 0 || i !== cover.index)) kept.push(record.pending);
    record.pending = void 0;
    record.created ||= part.creates;
    record.textSeen ||= part.text;
    kept.push(event);
  }
  return kept;
}

// src/core/reply/merge-deltas.ts
var DELTA2 = "message.part.delta";
function runOf(event) {
  if (event.type !== DELTA2) return void 0;
  const { partID, messageID, field: field2, delta, sessionID } = event.properties;
  return typeof partID === "string" && typeof delta === "string" && delta !== "" ? { partID, messageID, field: field2, sessionID } : void 0;
}
var sameRun = (a, b) => a.partID === b.partID && a.messageID === b.messageID && a.field === b.field && a.sessionID === b.sessionID;
function mergeDeltaRuns(events) {
  let out;
  for (let i = 0; i < events.length; ) {
    const first = events[i];
    const run = runOf(first);
    let end = i + 1;
    if (run !== void 0) {
      for (; end < events.length; end++) {
        const next = runOf(events[end]);
        if (next === void 0 || !sameRun(next, run)) break;
      }
    }
    if (end - i < 2) {
      out?.push(first);
      i = end;
      continue;
    }
    out ??= events.slice(0, i);
    const pieces = [];
    for (let k = i; k < end; k++) pieces.push(events[k].properties.delta);
    out.push({ type: DELTA2, properties: { ...first.properties, delta: pieces.join("") } });
    i = end;
  }
  return out ?? events;
}

// src/core/reply/turn-reset.ts
function nextTurnState(previous) {
  const last = previous.userMessageId;
  return {
    ...initialReplyState(previous.sessionId),
    userMessageIds: last === null ? {} : { [last]: true },
    turnsEnded: previous.turnsEnded
  };
}
function startsTurn(state, event) {
  const props = event.properties;
  if (event.type === "session.status") {
    const status = props.status;
    return isRecord2(status) && (status.type === "busy" || status.type === "retry");
  }
  if (event.type !== "message.updated" || !isRecord2(props.info) || props.info.role !== "user") return false;
  const id = str(props.info.id);
  return id !== void 0 && state.userMessageIds[id] !== true;
}
function messageIdsOf(state) {
  const ids = new Set(Object.keys(state.messages));
  for (const id of state.partIds) {
    const messageID = state.parts.get(id)?.messageID;
    if (messageID !== void 0) ids.add(messageID);
  }
  return ids;
}
function eventMessageId(event) {
  const props = event.properties;
  switch (event.type) {
    case "message.part.delta":
      return str(props.messageID);
    case "message.part.updated":
      return isRecord2(props.part) ? str(props.part.messageID) : void 0;
    case "message.updated":
      return isRecord2(props.info) && props.info.role === "assistant" ? str(props.info.id) : void 0;
    default:
      return void 0;
  }
}

// src/core/reply/turn-transitions.ts
var NO_IDS = /* @__PURE__ */ new Set();
function applyBatch(rt, events) {
  const t = rt.turn;
  const before = t.reply;
  const generation = t.generation;
  const now = Date.now();
  if (t.unnoted > 0) {
    t.clock = noteEvent(t.clock, now, t.unnotedOfTurn);
    t.unnoted = 0;
    t.unnotedOfTurn = false;
  }
  let reply = before;
  for (const event of mergeDeltaRuns(coalesceEvents(events, before))) {
    if (reply.turn === "done" && startsTurn(reply, event)) {
      reply = nextTurnState(reply);
      t.generation += 1;
      t.staleMessageIds = NO_IDS;
    }
    reply = reduce(reply, event, now);
  }
  t.reply = reply;
  afterApply(rt, before, generation, now);
}
function turnSeen(before, after, newGeneration) {
  if (newGeneration) return true;
  return before.turn !== "running" && (after.turn === "running" || after.turnsEnded > before.turnsEnded);
}
function afterApply(rt, before, generation, now) {
  const t = rt.turn;
  const reply = t.reply;
  if (turnSeen(before, reply, t.generation !== generation) && (t.stage === "idle" || t.stage === "finishing")) {
    t.stage = "running";
    t.clock = observeTurn(t.clock, now);
    t.error = null;
    t.result = null;
  }
  if (reply.error !== null && reply.error !== before.error) {
    t.error = reply.error;
    t.clock = disarm(t.clock);
    rt.report(reply.error);
  }
  t.clock = setSuspended(t.clock, t.feedOpen && isAwaitingInput(reply), now);
  if (reply.turnsEnded > before.turnsEnded && t.generation !== t.abandoned) {
    if (t.stage !== "connecting") finishTurn(rt);
    else if (t.posting) t.endedWhileConnecting = true;
  }
  rt.rearm();
}
function onWatchdogTimer(rt) {
  const t = rt.turn;
  if (t.disposed) return;
  rt.flush();
  const due = dueWatchdog(t.clock, rt.config, Date.now());
  if (due === null) {
    rt.rearm();
    return;
  }
  t.clock = fire(t.clock, due);
  const sid = rt.sessionId;
  let error;
  if (due === "turn") {
    error = new TimeoutError(`SSE stream timed out after ${seconds(rt.config.turnMs)} (session ${sid})`);
    t.error = error;
    t.stage = "idle";
    t.abandoned = t.generation;
    t.prompt?.abort(error);
  } else if (due === "first-event") {
    error = new StaleSessionError(`No events for session ${sid} within ${seconds(rt.config.firstEventMs)}`);
    t.watchdogError = error;
  } else {
    const limit = seconds(rt.config.idleMs ?? 0);
    error = new IdleStreamError(
      `No meaningful events for session ${sid} within ${limit} (SSE heartbeats still arriving \u2014 upstream likely wedged mid-turn)`
    );
    t.watchdogError = error;
  }
  rt.rearm();
  rt.publish();
  rt.report(error);
}

// src/core/events/prompt-when-ready.ts
async function promptWhenReady(hub, sessionId, post, options = {}) {
  const { signal, onEvent } = options;
  signal?.throwIfAborted();
  const unsubscribe = hub.subscribe(onEvent ?? (() => void 0), { sessionId });
  try {
    await hub.ready({ signal });
    await post();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (onEvent === void 0) unsubscribe();
  return { unsubscribe };
}

// src/core/reply/turn-lifecycle.ts
function failSend(rt, error) {
  const t = rt.turn;
  t.stage = "idle";
  t.posting = false;
  t.error = toError(error);
  t.clock = disarm(t.clock);
  rt.rearm();
  rt.publish();
  rt.report(t.error);
}
async function sendPrompt(rt, input) {
  const t = rt.turn;
  if (t.disposed) throw new OpencodeError("opencode-react: this reply store was disposed");
  if (t.stage === "connecting" || t.stage === "running") {
    throw new ConflictError(`opencode-react: session ${rt.sessionId} already has a turn in flight; wait for it or abort() it`);
  }
  const prompt = typeof input === "string" ? { text: input } : input;
  rt.flush();
  t.staleMessageIds = messageIdsOf(t.reply);
  t.reply = nextTurnState(t.reply);
  t.generation += 1;
  const generation = t.generation;
  t.stage = "connecting";
  t.error = null;
  t.watchdogError = null;
  t.result = null;
  t.posting = false;
  t.endedWhileConnecting = false;
  t.clock = armClock(t.clock, Date.now());
  const controller = new AbortController();
  t.prompt = controller;
  let settle = () => void 0;
  t.postSettled = new Promise((resolve) => settle = resolve);
  rt.rearm();
  rt.publish();
  const post = () => {
    if (generation === t.generation) t.posting = true;
    return rt.client.messages.sendAsync(rt.sessionId, prompt);
  };
  try {
    await promptWhenReady(rt.client.events, rt.sessionId, post, { signal: controller.signal });
  } catch (error) {
    if (!t.disposed && generation === t.generation && !controller.signal.aborted) failSend(rt, error);
    return;
  } finally {
    if (t.prompt === controller) t.prompt = null;
    t.postSettled = null;
    settle();
  }
  if (t.disposed || generation !== t.generation || t.stage !== "connecting") return;
  t.posting = false;
  t.stage = "running";
  t.clock = restartAfterPost(t.clock, Date.now());
  if (t.endedWhileConnecting) finishTurn(rt);
  rt.rearm();
  rt.publish();
}
async function abortTurn(rt) {
  const t = rt.turn;
  if (t.disposed) return;
  if (t.stage === "connecting" && !t.posting) {
    t.prompt?.abort(new DOMException("opencode-react: the turn was aborted before its prompt was posted", "AbortError"));
    t.stage = "idle";
    t.reply = { ...t.reply, aborted: true };
    t.clock = disarm(t.clock);
    rt.rearm();
    rt.publish();
    return;
  }
  if (t.postSettled !== null) await t.postSettled;
  try {
    await rt.client.sessions.abort(rt.sessionId);
  } catch (error) {
    rt.report(error);
    throw error;
  }
  if (t.disposed || t.stage !== "running") return;
  t.clock = disarm(t.clock);
  rt.rearm();
  rt.publish();
  await checkEnded(rt);
}

// src/core/reply/watchdog-timer.ts
function createWatchdogTimer(onFire, now = Date.now) {
  let handle;
  let target = Infinity;
  const clear = () => {
    if (handle !== void 0) clearTimeout(handle);
    handle = void 0;
    target = Infinity;
  };
  return {
    schedule(at) {
      if (at === null) return clear();
      if (handle !== void 0 && target <= at) return;
      clear();
      target = at;
      handle = setTimeout(() => {
        handle = void 0;
        target = Infinity;
        onFire();
      }, Math.max(0, at - now()));
      handle.unref?.();
    },
    clear,
    get pending() {
      return handle !== void 0;
    }
  };
}

// src/core/reply/create-reply-store.ts
var DEFAULT_FIRST_EVENT_TIMEOUT_MS = 12e4;
var DEFAULT_TURN_TIMEOUT_MS = 6e5;
function freshTurn(sessionId, feedOpen) {
  return {
    reply: initialReplyState(sessionId),
    clock: IDLE_CLOCK,
    stage: "idle",
    error: null,
    watchdogError: null,
    result: null,
    generation: 0,
    abandoned: -1,
    posting: false,
    postSettled: null,
    endedWhileConnecting: false,
    staleMessageIds: /* @__PURE__ */ new Set(),
    unnoted: 0,
    unnotedOfTurn: false,
    feedOpen,
    prompt: null,
    disposed: false
  };
}
function createReplyStore(options) {
  const { client, sessionId, onEvent, onFinish, onError } = options;
  const config = {
    firstEventMs: options.firstEventTimeoutMs ?? DEFAULT_FIRST_EVENT_TIMEOUT_MS,
    idleMs: options.idleTimeoutMs,
    turnMs: options.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS
  };
  const t = freshTurn(sessionId, client.events.status === "open");
  const report = (error) => {
    try {
      onError?.(toError(error));
    } catch {
    }
  };
  const guard = (call) => {
    try {
      call();
    } catch (error) {
      report(error);
    }
  };
  let watchdog = { lastEventAt: null, deadlineAt: null, deadlineKind: null };
  const project = () => {
    const next = nextDeadline(t.clock, config);
    const deadlineAt = next?.at ?? null;
    if (watchdog.lastEventAt !== t.clock.lastEventAt || watchdog.deadlineAt !== deadlineAt) {
      watchdog = { lastEventAt: t.clock.lastEventAt, deadlineAt, deadlineKind: next?.kind ?? null };
    }
    const reply = t.reply;
    const status = deriveReplyStatus({
      stage: t.stage,
      failed: t.error !== null,
      stalled: t.clock.stalled,
      wedged: t.clock.wedged,
      firstEventSeen: t.clock.firstEventSeen,
      awaitingInput: isAwaitingInput(reply)
    });
    const error = t.error ?? (t.clock.stalled || t.clock.wedged ? t.watchdogError : null);
    return projectState(reply, { status, error, watchdog, result: t.result, send: actions.send, abort: actions.abort, dispose: actions.dispose });
  };
  const batcher = createEventBatcher({
    scheduler: options.scheduler ?? createFrameScheduler(options.throttleMs ?? "frame"),
    apply: (events) => {
      applyBatch(rt, events);
      rt.publish();
    }
  });
  const timer = createWatchdogTimer(() => onWatchdogTimer(rt));
  const rt = {
    client,
    sessionId,
    config,
    options,
    turn: t,
    flush: () => batcher.flush(),
    publish: () => {
      if (!t.disposed) store.setState(project(), true);
    },
    rearm: () => timer.schedule(t.disposed ? null : nextDeadline(t.clock, config)?.at ?? null),
    inject: (event) => batcher.push(event, true),
    report,
    finished: (result, info) => guard(() => onFinish?.(result, info))
  };
  const onArrival = (event) => {
    if (onEvent) guard(() => onEvent(event));
    if (isServerEvent(event) || t.disposed) return;
    if (t.staleMessageIds.size > 0) {
      const messageId = eventMessageId(event);
      if (messageId !== void 0 && t.staleMessageIds.has(messageId)) return;
    }
    const ofTurn = t.stage !== "connecting" || t.posting;
    t.unnoted += 1;
    if (ofTurn) t.unnotedOfTurn = true;
    const clock = t.clock;
    const statusMoves = clock.running && ofTurn && (!clock.firstEventSeen || clock.stalled || clock.wedged);
    batcher.push(event, statusMoves || isUrgentEvent(event));
  };
  let offs = [];
  const actions = {
    send: (input) => sendPrompt(rt, input),
    abort: () => abortTurn(rt),
    dispose: () => {
      if (t.disposed) return;
      t.disposed = true;
      for (const off of offs) off();
      batcher.dispose();
      timer.clear();
      t.prompt?.abort(new DOMException("opencode-react: the reply store was disposed", "AbortError"));
    }
  };
  const store = createStore()(() => project());
  offs = [
    client.events.subscribe(onArrival, { sessionId }),
    client.events.onReconnect(() => void refetchAfterReconnect(rt)),
    client.events.onStatus((status) => {
      if (t.disposed) return;
      t.feedOpen = status === "open";
      const clock = setSuspended(t.clock, t.feedOpen && isAwaitingInput(t.reply), Date.now());
      if (clock === t.clock) return;
      t.clock = clock;
      rt.rearm();
      rt.publish();
    })
  ];
  if (options.resume !== false) void resumeTurn(rt);
  return store;
}

// src/core/config.ts
var DEFAULT_BASE_URL = "http://127.0.0.1:4096";
var DEFAULT_TIMEOUT_MS = 12e4;
function isBlank2(value) {
  return value === void 0 || value.trim() === "";
}
function encodeBase64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
function resolveConfig(config = {}) {
  const raw = (config.baseUrl ?? DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
  let baseUrl;
  try {
    baseUrl = new URL(raw);
  } catch {
    throw new TypeError(`opencode-react: baseUrl is not a valid URL: ${JSON.stringify(raw.replace(/\/\/[^@/]*@/, "//***@"))}`);
  }
  if (baseUrl.username || baseUrl.password) {
    throw new TypeError("opencode-react: put credentials in `password`, not in baseUrl (URLs end up in logs)");
  }
  baseUrl.hash = "";
  baseUrl.pathname = baseUrl.pathname.replace(/\/+$/, "");
  const password = isBlank2(config.password) ? void 0 : config.password;
  const username = config.username ?? "opencode";
  const fetchImpl = config.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("opencode-react: no fetch implementation; pass `fetch` in the config");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    baseUrl,
    baseUrlString: baseUrl.toString().replace(/\/+$/, ""),
    authorization: password === void 0 ? void 0 : `Basic ${encodeBase64(`${username}:${password}`)}`,
    hasPassword: password !== void 0,
    directory: isBlank2(config.directory) ? void 0 : config.directory,
    workspace: isBlank2(config.workspace) ? void 0 : config.workspace,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 0,
    // Bind so a window.fetch passed bare does not throw "Illegal invocation".
    fetch: (input, init) => fetchImpl(input, init),
    instrument: config.instrument,
    events: {
      maxFrameBytes: config.events?.maxFrameBytes ?? 1024 * 1024,
      livenessTimeoutMs: config.events?.livenessTimeoutMs ?? 25e3,
      backoffInitialMs: config.events?.backoffInitialMs ?? 250,
      backoffMaxMs: config.events?.backoffMaxMs ?? 5e3
    }
  };
}

// src/core/events/backoff.ts
function backoffDelay(failures, initialMs, maxMs, random = Math.random) {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(maxMs, initialMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.max(0, Math.round(ceiling / 2 + jitter * ceiling / 2));
}
function createBackoff(options, random = Math.random) {
  let failures = 0;
  return {
    next() {
      failures += 1;
      return backoffDelay(failures, options.backoffInitialMs, options.backoffMaxMs, random);
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    }
  };
}

// src/core/http/parse-body.ts
var EXCERPT_LIMIT = 200;
function truncate(text, limit = EXCERPT_LIMIT) {
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
async function readTextSafely(response) {
  try {
    return await response.text();
  } catch {
    return "";
  }
}

// src/core/http/error-from-response.ts
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function present(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function serverMessage(body) {
  if (typeof body === "string") return present(body);
  if (!isRecord3(body)) return void 0;
  const data = body.data;
  return present(isRecord3(data) ? data.message : void 0) ?? present(body.message) ?? present(body._tag) ?? present(body.name);
}
function parseErrorBody(text) {
  if (text.trim() === "") return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return { message: truncate(text.trim()) };
  }
}
function unauthorizedMessage(hasPassword) {
  return hasPassword ? "the server rejected the password (check `password` and `username`)" : "the server requires a password (set `password` in the client config)";
}
async function errorFromResponse(response, context) {
  const status = response.status;
  const body = parseErrorBody(await readTextSafely(response));
  const path = context.path.split("?")[0] ?? "";
  const prefix = `${context.method.toUpperCase()} ${path} failed (${status})`;
  const detail = serverMessage(body);
  const options = { status, body };
  const text = (fallback) => `${prefix}: ${truncate(detail ?? fallback)}`;
  if (status === 401) return new UnauthorizedError(`${prefix}: ${unauthorizedMessage(context.hasPassword)}`, options);
  if (status === 404) return new NotFoundError(text("Not found"), options);
  if (status === 409) return new ConflictError(text("Conflict"), options);
  if (status >= 400 && status <= 499) return new BadRequestError(text("Bad request"), options);
  if (status >= 500 && status <= 599) return new ServerError(text("Server error"), options);
  return new OpencodeError(`${prefix}: Unexpected response`, options);
}

// src/core/http/url.ts
function buildUrl(config, path, query = {}, scope = path.startsWith("/global/") ? "global" : "instance") {
  const url = new URL(config.baseUrl.toString());
  url.pathname = `${config.baseUrl.pathname.replace(/\/+$/, "")}${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value !== void 0) url.searchParams.append(key, String(value));
  }
  if (scope === "instance") {
    if (config.directory !== void 0) url.searchParams.set("directory", config.directory);
    if (config.workspace !== void 0) url.searchParams.set("workspace", config.workspace);
  }
  return url;
}

// src/core/events/liveness.ts
function createLivenessTimer(timeoutMs, onSilent) {
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return { touch() {
  }, stop() {
  } };
  let lastActivity = Date.now();
  let timer;
  const check = () => {
    const idle = Date.now() - lastActivity;
    if (idle >= timeoutMs) {
      timer = void 0;
      onSilent();
    } else {
      timer = setTimeout(check, timeoutMs - idle);
    }
  };
  timer = setTimeout(check, timeoutMs);
  return {
    touch() {
      lastActivity = Date.now();
    },
    stop() {
      if (timer !== void 0) clearTimeout(timer);
      timer = void 0;
    }
  };
}

// src/core/events/connection.ts
var StreamEndedError = class extends ConnectionError {
};
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : void 0;
  return code === void 0 ? error.message : `${error.message} (${code})`;
}
function asFailure(error, signal) {
  if (error instanceof OpencodeError || signal.aborted) return error;
  return new ConnectionError(`opencode-react: event stream failed: ${describe(error)}`, { cause: error });
}
function feedHeaders(config) {
  const headers = { accept: "text/event-stream" };
  if (config.authorization !== void 0) headers.authorization = config.authorization;
  return headers;
}
async function consume(body, config, handlers, liveness) {
  if (body === null) return;
  const maxFrameBytes = config.events.maxFrameBytes;
  const parser = createSseParser(
    {
      onData(data) {
        const decoded = decodeEvent(data);
        if (decoded instanceof MalformedEventError) handlers.onProblem(decoded);
        else handlers.onEvent(decoded);
      },
      onOversize(size) {
        handlers.onProblem(new FrameTooLargeError(`opencode-react: dropped an SSE frame larger than ${maxFrameBytes} bytes (${size} bytes read)`));
      }
    },
    { maxFrameBytes }
  );
  const reader = body.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    liveness.touch();
    parser.push(value);
  }
  parser.end();
}
async function openConnection(config, signal, handlers) {
  signal.throwIfAborted();
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", abort, { once: true });
  const timeoutMs = config.events.livenessTimeoutMs;
  let silence;
  const liveness = createLivenessTimer(timeoutMs, () => {
    silence = new ConnectionError(`opencode-react: no data on the event stream for ${timeoutMs} ms`);
    controller.abort(silence);
  });
  const release = () => {
    liveness.stop();
    signal.removeEventListener("abort", abort);
  };
  let response;
  try {
    response = await config.fetch(buildUrl(config, "/event").toString(), { method: "GET", headers: feedHeaders(config), signal: controller.signal });
  } catch (error) {
    release();
    throw silence ?? asFailure(error, signal);
  }
  if (!response.ok) {
    release();
    return { response, ended: Promise.resolve() };
  }
  liveness.touch();
  const ended = consume(response.body, config, handlers, liveness).then(release, (error) => {
    release();
    const failure = silence ?? asFailure(error, signal);
    controller.abort();
    throw failure;
  });
  ended.catch(() => void 0);
  return { response, ended };
}
async function assertOpened(response, config) {
  if (response.ok) return;
  throw await errorFromResponse(response, { method: "GET", path: "/event", hasPassword: config.hasPassword });
}

// src/core/events/emitter.ts
function createEmitter() {
  const listeners = /* @__PURE__ */ new Set();
  return {
    on(listener) {
      const entry = (value) => listener(value);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(value, onListenerError) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    }
  };
}

// src/core/events/feed-failure.ts
function isFatalFeedError(error) {
  if (error instanceof UnsupportedServerError) return true;
  if (!(error instanceof OpencodeError) || error.status === void 0) return false;
  const status = error.status;
  return status >= 400 && status <= 499 && status !== 408 && status !== 429;
}

// src/core/events/listener-registry.ts
function createListenerRegistry() {
  const NONE = [];
  let unscoped = NONE;
  const bySession = /* @__PURE__ */ new Map();
  let size = 0;
  const deliver = (entries, event, onListenerError) => {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (!entry.active) continue;
      try {
        entry.listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  const without = (entries, entry) => {
    const at = entries.indexOf(entry);
    return at < 0 ? entries : [...entries.slice(0, at), ...entries.slice(at + 1)];
  };
  return {
    add(listener, sessionId) {
      const entry = { listener, active: true };
      if (sessionId === void 0) unscoped = [...unscoped, entry];
      else bySession.set(sessionId, [...bySession.get(sessionId) ?? NONE, entry]);
      size += 1;
      return () => {
        if (!entry.active) return;
        entry.active = false;
        size -= 1;
        if (sessionId === void 0) {
          unscoped = without(unscoped, entry);
          return;
        }
        const rest = without(bySession.get(sessionId) ?? NONE, entry);
        if (rest.length === 0) bySession.delete(sessionId);
        else bySession.set(sessionId, rest);
      };
    },
    dispatch(event, onListenerError) {
      const first = unscoped;
      if (isServerEvent(event)) {
        const sessions = [...bySession.values()];
        deliver(first, event, onListenerError);
        for (const entries of sessions) deliver(entries, event, onListenerError);
        return;
      }
      const sessionId = sessionIdOf2(event);
      const scoped = sessionId === void 0 ? NONE : bySession.get(sessionId) ?? NONE;
      deliver(first, event, onListenerError);
      deliver(scoped, event, onListenerError);
    },
    get size() {
      return size;
    }
  };
}

// src/core/events/readiness.ts
function createReadiness() {
  let state = "pending";
  let failure;
  const waiters = /* @__PURE__ */ new Set();
  const settle = (action) => {
    const current = [...waiters];
    waiters.clear();
    for (const waiter of current) action(waiter);
  };
  return {
    wait(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (state === "open") return Promise.resolve();
      if (state === "failed") return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          waiters.delete(waiter);
          reject(signal?.reason);
        };
        const waiter = {
          resolve() {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          reject(error) {
            signal?.removeEventListener("abort", onAbort);
            reject(error);
          }
        };
        waiters.add(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    open() {
      state = "open";
      settle((waiter) => waiter.resolve());
    },
    reset() {
      state = "pending";
      failure = void 0;
    },
    fail(error) {
      state = "failed";
      failure = error;
      settle((waiter) => waiter.reject(error));
    },
    get isOpen() {
      return state === "open";
    }
  };
}

// src/core/events/fetch-event-source-driver.ts
var import_fetch_event_source = __toESM(require_cjs(), 1);
var NULL_BODY_STATUSES = /* @__PURE__ */ new Set([204, 205]);
function mirror(connection) {
  const { response, ended } = connection;
  const body = new ReadableStream({
    start(controller) {
      ended.then(
        () => controller.close(),
        (error) => controller.error(error)
      );
    }
  });
  const status = NULL_BODY_STATUSES.has(response.status) ? 200 : response.status;
  return new Response(body, { status, statusText: response.statusText, headers: response.headers });
}
var fetchEventSourceDriver = (config, run) => {
  if (run.signal.aborted) return Promise.resolve();
  return (0, import_fetch_event_source.fetchEventSource)(buildUrl(config, "/event").toString(), {
    signal: run.signal,
    openWhenHidden: true,
    // The library's own per-attempt signal: it aborts it on dispose, which must stop our fetch too.
    fetch: async (_input, init) => {
      run.attempting();
      const connection = await openConnection(config, init?.signal ?? run.signal, run.handlers);
      return connection.response.ok ? mirror(connection) : connection.response;
    },
    onopen: (response) => assertOpened(response, config),
    onmessage: () => void 0,
    // never called: the mirror body is empty
    onclose: () => {
      throw new StreamEndedError("opencode-react: the server closed the event stream");
    },
    onerror: (error) => run.failed(error)
  });
};

// src/core/events/loop-driver.ts
function pause(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
async function attempt(config, run) {
  try {
    run.attempting();
    const connection = await openConnection(config, run.signal, run.handlers);
    await assertOpened(connection.response, config);
    await connection.ended;
    return new StreamEndedError("opencode-react: the server closed the event stream");
  } catch (error) {
    return error;
  }
}
var loopDriver = async (config, run) => {
  while (!run.signal.aborted) {
    const reason = await attempt(config, run);
    if (run.signal.aborted) return;
    await pause(run.failed(reason), run.signal);
  }
};

// src/core/events/select-driver.ts
function selectFeedDriver() {
  return typeof window !== "undefined" && typeof document !== "undefined" ? fetchEventSourceDriver : loopDriver;
}

// src/core/events/hub.ts
function toError2(value) {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}
function abortError(message) {
  const error = new Error(message);
  error.name = "AbortError";
  return error;
}
function createEventHub(config, options = {}) {
  const driver = options.driver ?? selectFeedDriver();
  const registry = createListenerRegistry();
  const errors = createEmitter();
  const reconnects = createEmitter();
  const statuses = createEmitter();
  const readiness = createReadiness();
  let status = "idle";
  let run;
  let closeTimer;
  const report = (error) => errors.emit(toError2(error));
  const setStatus = (next) => {
    if (next === status) return;
    status = next;
    statuses.emit(next, report);
  };
  function open() {
    const current = { controller: new AbortController(), fatal: void 0 };
    run = current;
    const backoff = createBackoff(config.events, options.random);
    let attempts = 0;
    let connections = 0;
    let connected = false;
    const isCurrent = () => run === current && !current.controller.signal.aborted;
    const onEvent = (event) => {
      if (!isCurrent()) return;
      if (event.type === "server.connected" && !connected) {
        connected = true;
        connections += 1;
        backoff.reset();
        setStatus("open");
        readiness.open();
        if (connections > 1) reconnects.emit({ connection: connections }, report);
      }
      registry.dispatch(event, report);
    };
    const feedRun = {
      signal: current.controller.signal,
      attempting() {
        attempts += 1;
        connected = false;
        if (isCurrent()) setStatus(attempts === 1 ? "connecting" : "reconnecting");
      },
      handlers: { onEvent, onProblem: (error) => isCurrent() && report(error) },
      failed(error) {
        if (isFatalFeedError(error)) throw error;
        connected = false;
        if (isCurrent()) {
          readiness.reset();
          setStatus("reconnecting");
          if (!(error instanceof StreamEndedError)) report(error);
        }
        return backoff.next();
      }
    };
    readiness.reset();
    driver(config, feedRun).then(void 0, (error) => {
      if (!isCurrent()) return;
      current.fatal = toError2(error);
      report(current.fatal);
      readiness.fail(current.fatal);
      setStatus("closed");
    });
  }
  function close() {
    closeTimer = void 0;
    if (registry.size > 0 || run === void 0) return;
    const current = run;
    run = void 0;
    current.controller.abort();
    readiness.fail(abortError("opencode-react: the event feed closed (its last subscriber left) before it was ready"));
    setStatus("closed");
  }
  return {
    subscribe(listener, subscribeOptions) {
      const remove = registry.add(listener, subscribeOptions?.sessionId);
      if (closeTimer !== void 0) clearTimeout(closeTimer);
      closeTimer = void 0;
      if (run === void 0) open();
      return () => {
        remove();
        if (registry.size === 0 && run !== void 0 && closeTimer === void 0) closeTimer = setTimeout(close, 0);
      };
    },
    ready(readyOptions) {
      const signal = readyOptions?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (run === void 0) return Promise.reject(abortError("opencode-react: the event feed is not open; subscribe before awaiting ready()"));
      if (run.fatal !== void 0) return Promise.reject(run.fatal);
      return readiness.wait(signal);
    },
    onReconnect: (listener) => reconnects.on(listener),
    onError: (listener) => errors.on(listener),
    onStatus: (listener) => statuses.on(listener),
    get status() {
      return status;
    },
    get subscriberCount() {
      return registry.size;
    }
  };
}

// bench/bench-client.ts
function createHubBenchClient() {
  const config = resolveConfig({ fetch: () => Promise.reject(new Error("the bench never fetches")) });
  let run;
  const driver = (_config, feedRun) => {
    run = feedRun;
    feedRun.attempting();
    return new Promise((resolve) => feedRun.signal.addEventListener("abort", () => resolve(), { once: true }));
  };
  const hub = createEventHub(config, { driver });
  let parser;
  const parserFor = (feedRun) => createSseParser(
    {
      // As connection.ts `consume` does it.
      onData(data) {
        const decoded = decodeEvent(data);
        if (decoded instanceof MalformedEventError) feedRun.handlers.onProblem(decoded);
        else feedRun.handlers.onEvent(decoded);
      },
      onOversize: () => void 0
    },
    { maxFrameBytes: config.events.maxFrameBytes }
  );
  const client = {
    events: hub,
    messages: {
      list: () => Promise.resolve({ items: [], nextCursor: void 0 }),
      sendAsync: () => Promise.resolve()
    },
    sessions: {
      abort: () => Promise.resolve(true),
      status: () => Promise.resolve({})
    }
  };
  return {
    client,
    push(chunk) {
      if (run === void 0) throw new Error("bench: subscribe before pushing bytes (the hub opens on its first subscriber)");
      parser ??= parserFor(run);
      parser.push(chunk);
    },
    close() {
      parser?.end();
      parser = void 0;
    }
  };
}

// bench/stream.ts
import { readFileSync } from "node:fs";
var FIXTURES = new URL("../../shared/fixtures/opencode-1.18.33/", import.meta.url);
var CAPTURES = ["hello", "reasoning", "tool-permission-once", "todo", "question-reply"];
var WORDS = ["The ", "quick ", "brown ", "fox ", "jumps ", "over ", "the ", "lazy ", "dog. ", "Streaming ", "tokens ", "arrive ", "in ", "small ", "pieces, ", "\xE9 ", "\u65E5\u672C ", "\\n"];
var BENCH_SESSION = "ses_bench0000000000000000000";
function buildStream(sets = 100, perDelta = 50) {
  const templates = CAPTURES.map(
    (name) => readFileSync(new URL(`${name}.sse`, FIXTURES), "utf8").split("\n\n").filter((frame) => frame.startsWith("data: "))
  );
  const out = [];
  let deltas = 0;
  let word = 0;
  for (let set = 0; set < sets; set++) {
    for (const frames of templates) {
      for (const template of frames) {
        const frame = template.replace(/\b(msg|prt|evt|que|per)_([A-Za-z0-9]+)/g, `$1_$2r${set}`).replace(/\bses_[A-Za-z0-9]+/g, BENCH_SESSION);
        if (!frame.includes('"type":"message.part.delta"')) {
          out.push(frame);
          continue;
        }
        for (let i = 0; i < perDelta; i++) {
          out.push(frame.replace(/"delta":"(?:[^"\\]|\\.)*"/, `"delta":"${WORDS[word++ % WORDS.length]}"`));
          deltas += 1;
        }
      }
    }
  }
  const text = `${out.join("\n\n")}

`;
  const bytes = new TextEncoder().encode(text);
  return { all: bytes, chunks: chunksOf(bytes, 65536), bytes: bytes.length, frames: out.length, deltas };
}
function chunksOf(bytes, size) {
  const chunks = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

// bench/ingest.ts
var MAX_FRAME = { maxFrameBytes: 1024 * 1024 };
var EVENTS_PER_FRAME = 64;
var PIPELINES = [
  { label: "stage: UTF-8 decode", sink: "utf8", chunkBytes: 65536 },
  { label: "stage:  + SSE framing", sink: "framing", chunkBytes: 65536 },
  { label: "stage:  + decodeEvent", sink: "decode", chunkBytes: 65536 },
  { label: "parse+decode+route", sink: "none", chunkBytes: 65536 },
  { label: "  + hold the latest event", sink: "retain", chunkBytes: 65536 },
  { label: "-> store, throttleMs 0", sink: "sync", chunkBytes: 65536 },
  { label: `-> store, batched (${EVENTS_PER_FRAME}/flush)`, sink: "fixed", chunkBytes: 65536 },
  { label: "-> store, frame batching (default), 64 KB reads", sink: "frame", chunkBytes: 65536 },
  { label: "-> store, frame batching (default), 16 KB reads", sink: "frame", chunkBytes: 16384 }
];
function frameClock() {
  let pending;
  let scheduledAt = 0;
  return {
    scheduler(flush) {
      pending = flush;
      scheduledAt = performance.now();
      return () => pending = void 0;
    },
    atReadEnd(force = false) {
      if (pending !== void 0 && (force || performance.now() - scheduledAt >= FALLBACK_FRAME_MS)) {
        const flush = pending;
        pending = void 0;
        flush();
      }
    }
  };
}
function stage(chunks, kind) {
  return () => {
    let sink = 0;
    if (kind === "utf8") {
      const decode = createUtf8Stream();
      for (const chunk of chunks) sink += decode(chunk).length;
    } else {
      const onData = kind === "framing" ? (data) => void (sink += data.length) : (data) => {
        if (!(decodeEvent(data) instanceof MalformedEventError)) sink += 1;
      };
      const parser = createSseParser({ onData, onOversize: () => void 0 }, MAX_FRAME);
      for (const chunk of chunks) parser.push(chunk);
      parser.end();
    }
    return sink < 0 ? sink : 0;
  };
}
function pipeline(stream, { sink, chunkBytes }) {
  const chunks = chunksOf(stream.all, chunkBytes);
  if (sink === "utf8" || sink === "framing" || sink === "decode") return stage(chunks, sink);
  return () => {
    const { client, push, close } = createHubBenchClient();
    const clock = frameClock();
    let fixedFlush;
    const fixedScheduler = (flush) => {
      fixedFlush = flush;
      return () => fixedFlush = void 0;
    };
    const store = sink === "sync" || sink === "fixed" || sink === "frame" ? createReplyStore({
      client,
      sessionId: BENCH_SESSION,
      ...sink === "sync" ? { throttleMs: 0 } : { scheduler: sink === "fixed" ? fixedScheduler : clock.scheduler }
    }) : void 0;
    let reads = 0;
    let publishes = 0;
    store?.subscribe((state) => {
      reads += state.status.length;
      publishes += 1;
    });
    const held = [];
    const offs = [];
    if (sink === "none") offs.push(client.events.subscribe(() => reads += 1, { sessionId: BENCH_SESSION }));
    if (sink === "retain") offs.push(client.events.subscribe((event) => held[0] = event, { sessionId: BENCH_SESSION }));
    if (sink === "fixed") {
      let count = 0;
      offs.push(
        client.events.subscribe(
          () => {
            if (++count % EVENTS_PER_FRAME === 0) fixedFlush?.();
          },
          { sessionId: BENCH_SESSION }
        )
      );
    }
    for (const chunk of chunks) {
      push(chunk);
      if (sink === "frame") clock.atReadEnd();
    }
    close();
    fixedFlush?.();
    clock.atReadEnd(true);
    store?.getState().dispose();
    for (const off of offs) off();
    if (reads < 0) console.log(held.length);
    return publishes;
  };
}

// bench/profile-ingest.ts
var index = process.argv[2] === void 0 ? PIPELINES.findIndex((p) => p.sink === "frame") : Number(process.argv[2]);
var runs = Number(process.argv[3] ?? 20);
var chosen = PIPELINES[index];
if (chosen === void 0) throw new Error(`no pipeline ${index}: 0..${PIPELINES.length - 1}`);
var job = pipeline(buildStream(), chosen);
var start = performance.now();
for (let i = 0; i < runs; i++) job();
console.log(`${chosen.label}: ${((performance.now() - start) / runs).toFixed(1)} ms per run`);
