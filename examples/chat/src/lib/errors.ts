import { isOpencodeError, SessionError } from "opencode-react";

/** A readable title and detail for any error the hooks can surface. */
export interface ErrorText {
  title: string;
  detail: string;
}

/** Turns a typed error into words a user understands (the raw message stays as the detail). */
export function describeError(error: Error): ErrorText {
  if (error instanceof SessionError) return { title: `The model failed (${error.errorName})`, detail: error.message };
  if (!isOpencodeError(error)) return { title: error.name || "Error", detail: error.message };
  const detail = error.message;
  switch (error.code) {
    case "unauthorized":
      return { title: "The server refused the password", detail: "Check OPENCODE_SERVER_PASSWORD given to npm start." };
    case "connection":
      return { title: "Cannot reach the OpenCode server", detail };
    case "timeout":
      return { title: "Timed out", detail };
    case "stale_session":
      return { title: "No response from the server", detail: "Nothing arrived for this turn in time. Try sending again." };
    case "idle_stream":
      return { title: "The reply stopped mid-way", detail: "The connection is alive but nothing new arrived in time." };
    case "not_found":
      return { title: "Not found", detail: "It may have been deleted elsewhere." };
    case "conflict":
      return { title: "The session is busy", detail };
    case "server":
    case "invalid_response":
      return { title: `Server error${error.status === undefined ? "" : ` (${error.status})`}`, detail };
    case "unsupported_server":
      return { title: "Unsupported server", detail };
    default:
      return { title: error.name, detail };
  }
}

/** Whatever was thrown, as an Error. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
