import type { Agent, Command, Provider } from "@opencode-ai/sdk/v2";
import type { Requester } from "../http/request";
import { listOf } from "./list-of";
import type { CallOptions } from "./types";
import { isRecord } from "../is-record";

/**
 * `GET /config/providers`: the providers the user can use now, and the default model per provider.
 * @example const { providers, default: defaults }: ConfiguredProviders = await client.catalog.providers(); // defaults.fake === "fake-model"
 */
export interface ConfiguredProviders {
  providers: Provider[];
  /** providerID -> modelID of its default model. */
  default: Record<string, string>;
}

/**
 * `GET /provider`: every known provider (connected or not), the defaults and the connected ids.
 * @example const { all, connected }: ProviderCatalog = await client.catalog.providerList();
 */
export interface ProviderCatalog {
  all: Provider[];
  default: Record<string, string>;
  /** Ids of the providers with credentials. */
  connected: string[];
}

/**
 * One skill of `GET /skill`.
 * @example const skills: Skill[] = await client.catalog.skills();
 */
export interface Skill {
  name: string;
  description?: string;
  /** Where it was loaded from ("<built-in>" or a SKILL.md path). */
  location: string;
  /** The skill's markdown body. */
  content: string;
}

/** What the server offers: providers and models, agents, slash commands, skills. */
export interface CatalogApi {
  /** `GET /config/providers`. @example const { providers } = await client.catalog.providers() */
  providers(options?: CallOptions): Promise<ConfiguredProviders>;
  /** `GET /provider` (also lists providers without credentials). @example (await client.catalog.providerList()).connected */
  providerList(options?: CallOptions): Promise<ProviderCatalog>;
  /**
   * `GET /agent`: every agent, primary and subagent, hidden ones included (filter on `hidden`/`mode`).
   * @example (await client.catalog.agents()).filter((a) => a.mode !== "subagent" && !a.hidden)
   */
  agents(options?: CallOptions): Promise<Agent[]>;
  /** `GET /command`: slash commands (built-in, config, MCP prompts, skills). @example await client.catalog.commands() */
  commands(options?: CallOptions): Promise<Command[]>;
  /** `GET /skill`. @example await client.catalog.skills() */
  skills(options?: CallOptions): Promise<Skill[]>;
}

function record(value: unknown): Record<string, string> {
  return isRecord(value) ? (value as Record<string, string>) : {};
}

/**
 * Creates the catalog endpoints on top of a requester.
 * @example const catalog = createCatalogApi(requester); await catalog.agents()
 */
export function createCatalogApi(requester: Requester): CatalogApi {
  return {
    async providers(options = {}) {
      const body = await requester.request<Partial<ConfiguredProviders> | undefined>("GET", "/config/providers", options);
      return { providers: listOf<Provider>(body?.providers), default: record(body?.default) };
    },
    async providerList(options = {}) {
      const body = await requester.request<Partial<ProviderCatalog> | undefined>("GET", "/provider", options);
      return { all: listOf<Provider>(body?.all), default: record(body?.default), connected: listOf<string>(body?.connected) };
    },
    agents: async (options = {}) => listOf<Agent>(await requester.request<unknown>("GET", "/agent", options)),
    commands: async (options = {}) => listOf<Command>(await requester.request<unknown>("GET", "/command", options)),
    skills: async (options = {}) => listOf<Skill>(await requester.request<unknown>("GET", "/skill", options)),
  };
}
