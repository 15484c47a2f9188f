/* eslint-disable @typescript-eslint/no-require-imports -- a Jest environment is loaded as CommonJS */
// jsdom for Jest, plus the web APIs Node has and jsdom lacks (fetch's Request/Response/Headers,
// streams, TextEncoder): what docs/testing.md tells Jest users to add.
const { TestEnvironment } = require("jest-environment-jsdom");

module.exports = class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ["fetch", "Request", "Response", "Headers", "ReadableStream", "WritableStream", "TransformStream", "TextEncoder", "TextDecoder", "TextDecoderStream", "AbortController", "AbortSignal", "structuredClone"]) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
};
