/**
 * A model for the prompt routes (`/message`, `/prompt_async`): the key is `modelID`.
 * @example
 * const model: PromptModel = { providerID: "anthropic", modelID: "claude-sonnet-4" };
 * await client.messages.sendAsync("ses_1", { text: "hi", model });
 */
export interface PromptModel {
  providerID: string;
  modelID: string;
}

/**
 * A model for `POST /session`: the key is `id` (not `modelID`), with an optional variant.
 * @example
 * const model: SessionModel = { providerID: "anthropic", id: "claude-sonnet-4" };
 * await client.sessions.create({ title: "Chat", model });
 */
export interface SessionModel {
  providerID: string;
  id: string;
  variant?: string;
}

/**
 * Splits "provider/model" at the FIRST "/" (MOD-01/MOD-02): "openrouter/anthropic/claude" gives
 * ["openrouter", "anthropic/claude"]. A blank string gives undefined (the key is left out); a
 * string without a provider or model part throws a TypeError before any request is made.
 */
function splitModel(model: string): [providerID: string, modelID: string] | undefined {
  if (model.trim() === "") return undefined;
  const slash = model.indexOf("/");
  const providerID = slash < 0 ? "" : model.slice(0, slash);
  const modelID = slash < 0 ? "" : model.slice(slash + 1);
  if (providerID === "" || modelID === "") {
    throw new TypeError(`opencode-react: a model string must look like "provider/model", got ${JSON.stringify(model)}`);
  }
  return [providerID, modelID];
}

/**
 * The `model` of a prompt body: a "provider/model" string becomes `{ providerID, modelID }`; an
 * object passes through unchanged, extra keys included (MOD-03); undefined stays undefined.
 * @example toPromptModel("a/b/c") // { providerID: "a", modelID: "b/c" }
 */
export function toPromptModel(model: string | PromptModel | undefined): PromptModel | undefined {
  if (typeof model !== "string") return model;
  const parts = splitModel(model);
  return parts && { providerID: parts[0], modelID: parts[1] };
}

/**
 * The `model` of a session-create body: a "provider/model" string becomes `{ providerID, id }`
 * (MOD-02); an object passes through unchanged (MOD-03); undefined stays undefined.
 * @example toSessionModel("openrouter/anthropic/claude-sonnet-4") // { providerID: "openrouter", id: "anthropic/claude-sonnet-4" }
 */
export function toSessionModel(model: string | SessionModel | undefined): SessionModel | undefined {
  if (typeof model !== "string") return model;
  const parts = splitModel(model);
  return parts && { providerID: parts[0], id: parts[1] };
}
