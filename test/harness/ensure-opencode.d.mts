/** Types for ensure-opencode.mjs. */
export const DEFAULT_OPENCODE_VERSION: string;
/** env OPENCODE_VERSION, else DEFAULT_OPENCODE_VERSION. */
export function opencodeVersion(): string;
export function opencodeCacheDir(): string;
export function opencodePrefix(version: string): string;
/** The binary of `version`, installed first when missing. */
export function ensureOpencodeBinary(version?: string): string;
