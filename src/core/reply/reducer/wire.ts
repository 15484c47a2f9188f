/**
 * Runtime reading of wire values. Events come from a server we do not control (other versions,
 * forks), so every field is checked before use; a field of the wrong type counts as absent.
 */

/** A JSON object. */
export type Dict = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Dict {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is a string. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value as a finite number; numeric strings count (USG-02: cost "0.25"). */
export function num(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Ruby's `blank?`, which the reference behaviour is defined by: null, a whitespace-only string,
 * an empty array and an empty object are blank.
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) {
    for (const _ in value) return false;
    return true;
  }
  return false;
}

/** A non-blank string, or undefined. */
export function presentStr(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A non-empty JSON object, or undefined. */
export function presentRecord(value: unknown): Dict | undefined {
  return isRecord(value) && !isBlank(value) ? value : undefined;
}

/**
 * The session an event belongs to: `properties.sessionID`, else the one inside `info` or `part`
 * (servers before 1.3.3 put it only there).
 */
export function sessionIdOf(properties: Dict): string | undefined {
  const direct = str(properties.sessionID);
  if (direct !== undefined) return direct;
  const info = properties.info;
  if (isRecord(info)) return str(info.sessionID);
  const part = properties.part;
  if (isRecord(part)) return str(part.sessionID);
  return undefined;
}

/** Structural equality of JSON values (reconcile uses it to keep unchanged parts' identity). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
}
