import type { Config, Path, Project, VcsInfo } from "@opencode-ai/sdk/v2";
import type { Requester } from "../http/request";
import type { CallOptions } from "./types";

/**
 * The project of this client's directory: its paths, its VCS branch and its project record.
 * @example const { directory, worktree } = await client.project.path();
 */
export interface ProjectApi {
  /** `GET /project/current`: the project of the directory (`id: "global"` outside a repository). @example await client.project.current() */
  current(options?: CallOptions): Promise<Project>;
  /** `GET /path`: `{ home, state, config, worktree, directory }` of the instance. @example (await client.project.path()).directory */
  path(options?: CallOptions): Promise<Path>;
  /** `GET /vcs`: the git branch (a `null` from the server becomes undefined). @example (await client.project.vcs()).branch ?? "no branch" */
  vcs(options?: CallOptions): Promise<VcsInfo>;
}

/** The configuration endpoints (the merged config of the instance). */
export interface ConfigApi {
  /** `GET /config`. @example (await client.config.get()).model // "anthropic/claude-sonnet-4" */
  get(options?: CallOptions): Promise<Config>;
  /**
   * `PATCH /config`: writes the patch to the project's config file and answers the patch; the
   * running instance keeps its loaded config until it is reloaded.
   * @example await client.config.update({ model: "anthropic/claude-sonnet-4" })
   */
  update(patch: Config, options?: CallOptions): Promise<Config>;
}

/**
 * Creates the project endpoints on top of a requester.
 * @example const project = createProjectApi(requester); await project.path()
 */
export function createProjectApi(requester: Requester): ProjectApi {
  return {
    current: async (options = {}) => requester.request<Project>("GET", "/project/current", options),
    path: async (options = {}) => requester.request<Path>("GET", "/path", options),
    async vcs(options = {}) {
      const body = await requester.request<{ branch?: string | null; default_branch?: string | null } | undefined>("GET", "/vcs", {
        ...options,
        expect: "optional",
      });
      const info: VcsInfo = {};
      if (typeof body?.branch === "string") info.branch = body.branch;
      if (typeof body?.default_branch === "string") info.default_branch = body.default_branch;
      return info;
    },
  };
}

/**
 * Creates the config endpoints on top of a requester.
 * @example const config = createConfigApi(requester); await config.get()
 */
export function createConfigApi(requester: Requester): ConfigApi {
  return {
    get: async (options = {}) => requester.request<Config>("GET", "/config", options),
    update: async (patch, options = {}) => requester.request<Config>("PATCH", "/config", { ...options, body: patch }),
  };
}
