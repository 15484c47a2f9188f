// The OpenCode server lines the package is certified against (README "Compatibility"): the newest
// patch of each line that the npm registry has WITH its linux-x64 binary package
// (`npm view opencode-ai versions`, `npm view opencode-linux-x64 versions`). 1.17.20 exists as
// opencode-ai but without opencode-linux-x64@1.17.20, so 1.17 is certified at 1.17.19.

/**
 * One certified server line.
 * @typedef {{ line: string, version: string }} CompatLine
 */

/** Oldest line the package supports (and tests). */
export const OLDEST_SUPPORTED_LINE = "1.2";

/**
 * Lines of the compatibility matrix, oldest first. Every one of them has questions (>= 1.1.7),
 * message paging (>= ~1.2.26), `/global/event` (>= ~1.0.66) and `message.part.delta` (>= 1.2).
 * @type {readonly CompatLine[]}
 */
export const COMPAT_LINES = [
  { line: "1.2", version: "1.2.27" },
  { line: "1.14", version: "1.14.41" },
  { line: "1.17", version: "1.17.19" },
  { line: "1.18", version: "1.18.33" },
];
