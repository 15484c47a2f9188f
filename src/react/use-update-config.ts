import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { Config } from "@opencode-ai/sdk/v2";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";

/**
 * Patches the config (`PATCH /config`, written to the project's config file); the catalog is
 * refetched afterwards (the config feeds providers, agents and commands).
 * @example const update = useUpdateConfig(); update.mutate({ model: "anthropic/claude-sonnet-4" });
 */
export function useUpdateConfig(options: OpencodeMutationOptions<Config, Config> = {}): UseMutationResult<Config, Error, Config> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Config, Config, unknown>(
      (patch) => client.config.update(patch),
      { onSettled: () => queryClient.invalidateQueries({ queryKey: opencodeKeys.catalog(client) }) },
      options,
    ),
    queryClient,
  );
}
