/** The one jsdom API the render bench uses (jsdom ships no types; @types/jsdom is not installed). */
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: Window & typeof globalThis;
  }
}
