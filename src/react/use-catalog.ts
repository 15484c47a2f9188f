import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Agent, Command, Config, Path, Project, VcsInfo } from "@opencode-ai/sdk/v2";
import type { ConfiguredProviders, ProviderCatalog, Skill } from "../core/api";
import {
  agentsQueryOptions,
  commandsQueryOptions,
  configQueryOptions,
  pathQueryOptions,
  projectQueryOptions,
  providerListQueryOptions,
  providersQueryOptions,
  skillsQueryOptions,
  vcsQueryOptions,
} from "../query/catalog-query-options";
import { useOpencodeContext } from "./context";
import type { OpencodeQueryOptions } from "./hook-options";
import type { OpencodeClient } from "../core/client";
import type { QueryKey } from "@tanstack/react-query";
import { withOurDefaults } from "./query-defaults";
import { useLiveCache } from "./use-live-cache";

/** What a `*QueryOptions` helper returns, reduced to what the hook reads (T ties it to the data type). */
interface Base<T> {
  queryKey: QueryKey;
  queryFn?: unknown;
  /** Phantom: carries the data type of the helper. */
  readonly __data?: T;
}

/** One long-lived, event-fed read: the base options of `make(client)` plus the caller's. */
function useCatalogQuery<T, TData>(make: (client: OpencodeClient) => Base<T>, options: OpencodeQueryOptions<T, TData>): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = make(client);
  return useQuery<T, Error, TData>(withOurDefaults(queryClient, { ...base, ...options, queryKey: base.queryKey, queryFn: base.queryFn }, true) as never, queryClient);
}

/**
 * The providers the user can pick from and each one's default model (`GET /config/providers`).
 * Flatten them with `listModels(data)` for a picker.
 * @example
 * const { data } = useProviders();
 * return <select>{listModels(data).map((m) => <option key={m.value} value={m.value}>{m.name}</option>)}</select>;
 */
export function useProviders<TData = ConfiguredProviders>(options: OpencodeQueryOptions<ConfiguredProviders, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(providersQueryOptions, options);
}

/**
 * Every known provider, connected or not (`GET /provider`): `{ all, default, connected }`.
 * @example const connected = useProviderList({ select: (p) => p.connected }).data ?? [];
 */
export function useProviderList<TData = ProviderCatalog>(options: OpencodeQueryOptions<ProviderCatalog, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(providerListQueryOptions, options);
}

/**
 * The agents (`GET /agent`), hidden and subagents included; `select: primaryAgents` keeps the
 * ones a user picks for a prompt.
 * @example const { data: agents = [] } = useAgents({ select: primaryAgents });
 */
export function useAgents<TData = Agent[]>(options: OpencodeQueryOptions<Agent[], TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(agentsQueryOptions, options);
}

/**
 * The slash commands (`GET /command`) for a "/" menu; run one with `useRunCommand`.
 * @example const { data: commands = [] } = useCommands();
 */
export function useCommands<TData = Command[]>(options: OpencodeQueryOptions<Command[], TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(commandsQueryOptions, options);
}

/** The skills (`GET /skill`). @example const { data: skills = [] } = useSkills(); */
export function useSkills<TData = Skill[]>(options: OpencodeQueryOptions<Skill[], TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(skillsQueryOptions, options);
}

/** The merged config (`GET /config`); change it with `useUpdateConfig`. @example const model = useConfig().data?.model; */
export function useConfig<TData = Config>(options: OpencodeQueryOptions<Config, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(configQueryOptions, options);
}

/** The instance's paths (`GET /path`): home, config, worktree, directory. @example const dir = usePath().data?.directory; */
export function usePath<TData = Path>(options: OpencodeQueryOptions<Path, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(pathQueryOptions, options);
}

/** The current project (`GET /project/current`), refreshed by `project.updated`. @example const name = useProject().data?.name; */
export function useProject<TData = Project>(options: OpencodeQueryOptions<Project, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(projectQueryOptions, options);
}

/** The git branch (`GET /vcs`), patched by `vcs.branch.updated`. @example const branch = useVcs().data?.branch; */
export function useVcs<TData = VcsInfo>(options: OpencodeQueryOptions<VcsInfo, TData> = {}): UseQueryResult<TData, Error> {
  return useCatalogQuery(vcsQueryOptions, options);
}
