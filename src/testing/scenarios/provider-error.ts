/**
 * The model provider refuses the request ("error-fatal400" capture): `session.error` with an
 * APIError, the idle pair, the assistant message completed with the error, the idle pair again.
 */
import type { Scenario } from "../scenario-types";

/**
 * Fails the turn with a provider APIError (default: the recorded 400 "Fake bad request").
 * @example createFakeOpencode({ scenario: providerError({ message: "Rate limited", statusCode: 429 }) })
 */
export function providerError(options: { message?: string; statusCode?: number } = {}): Scenario {
  const message = options.message ?? "Fake bad request: this model refuses fatal400";
  const statusCode = options.statusCode ?? 400;
  const error = {
    name: "APIError",
    data: {
      message,
      statusCode,
      isRetryable: false,
      responseBody: JSON.stringify({ error: { message, type: "invalid_request_error", code: String(statusCode) } }),
    },
  };
  return async (turn) => {
    const { events } = turn;
    const msg = turn.id("msg");
    await turn.emit(events.busy(), events.assistant(msg), events.busy());
    await turn.emit(events.error(error.name, error.data), events.idle(), events.assistant(msg, { error }), events.idle());
  };
}
