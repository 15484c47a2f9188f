/** Types for opencode-lines.mjs. */
/** One certified server line: `line` "1.14", `version` its newest installable patch. */
export interface CompatLine {
  line: string;
  version: string;
}
export const OLDEST_SUPPORTED_LINE: string;
export const COMPAT_LINES: readonly CompatLine[];
