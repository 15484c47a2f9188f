import type { Agent, Config } from "@opencode-ai/sdk/v2";
import type { ConfiguredProviders } from "../core/api";

/**
 * One model of a picker: `value` is the "provider/model" string `send` accepts.
 * @example const option: ModelOption = { value: "fake/fake-model", providerID: "fake", modelID: "fake-model", name: "Fake Model", providerName: "Fake LLM", variants: [] };
 */
export interface ModelOption {
  value: string;
  providerID: string;
  modelID: string;
  name: string;
  providerName: string;
  /** Names of the model's variants (reasoning efforts), if any. */
  variants: string[];
}

/**
 * Every model of every usable provider, in the server's order.
 * @example listModels(useProviders().data).map((m) => m.value) // ["fake/fake-model", "fake/fake-small"]
 */
export function listModels(providers: ConfiguredProviders | undefined): ModelOption[] {
  const options: ModelOption[] = [];
  for (const provider of providers?.providers ?? []) {
    for (const [key, model] of Object.entries(provider.models ?? {})) {
      const modelID = model.id ?? key;
      options.push({
        value: `${provider.id}/${modelID}`,
        providerID: provider.id,
        modelID,
        name: model.name ?? modelID,
        providerName: provider.name ?? provider.id,
        variants: Object.keys(model.variants ?? {}),
      });
    }
  }
  return options;
}

/**
 * The model a new prompt uses by default: the config's `model`, else the first provider's default.
 * @example defaultModel(useProviders().data, useConfig().data) // "fake/fake-model"
 */
export function defaultModel(providers: ConfiguredProviders | undefined, config?: Pick<Config, "model">): string | undefined {
  if (config?.model) return config.model;
  const first = providers?.providers[0];
  const modelID = first ? providers?.default[first.id] : undefined;
  return first && modelID ? `${first.id}/${modelID}` : undefined;
}

/**
 * The agents a user picks for a prompt: primary (or "all") and not hidden.
 * @example useAgents({ select: primaryAgents })
 */
export function primaryAgents(agents: Agent[]): Agent[] {
  return agents.filter((agent) => agent.mode !== "subagent" && agent.hidden !== true);
}

/**
 * The agents an "@agent" mention can name: subagents (or "all") and not hidden.
 * @example useAgents({ select: mentionableAgents })
 */
export function mentionableAgents(agents: Agent[]): Agent[] {
  return agents.filter((agent) => agent.mode !== "primary" && agent.hidden !== true);
}

/**
 * The default agent: the config's `default_agent`, else "build" when offered, else the first primary one.
 * @example defaultAgent(useAgents().data, useConfig().data) // "build"
 */
export function defaultAgent(agents: Agent[] | undefined, config?: Pick<Config, "default_agent">): string | undefined {
  const primary = primaryAgents(agents ?? []);
  if (config?.default_agent && primary.some((a) => a.name === config.default_agent)) return config.default_agent;
  return primary.find((a) => a.name === "build")?.name ?? primary[0]?.name;
}
