import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { CommandInput, MessageWithParts, PromptModel, PromptResult, ShellInput } from "../core/api";
import type { OpencodeClient } from "../core/client";
import { findCachedSession, writeSession } from "./cache/query-writes";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";

/**
 * The model of an action that needs one (summarize, init): the given one, else the session's
 * own model, else the config's default model.
 * @example await actionModel(client, session, undefined) // "fake/fake-model"
 */
export async function actionModel(client: OpencodeClient, session: Session | undefined, model: string | PromptModel | undefined): Promise<string | PromptModel> {
  if (model !== undefined) return model;
  if (session?.model) return { providerID: session.model.providerID, modelID: session.model.id };
  const configured = (await client.config.get()).model;
  if (!configured) throw new TypeError("opencode-react: no model given and no default model configured");
  return configured;
}

/** Variables of `useForkSession`. @example fork.mutate({ sessionId, messageID } satisfies ForkVariables) */
export interface ForkVariables {
  sessionId: string;
  /** Copy the messages before this one (all without it). */
  messageID?: string;
}

/**
 * Forks a session (`POST /session/:id/fork`); the new session is put in the session lists.
 * @example const fork = useForkSession({ onSuccess: (copy) => open(copy.id) }); fork.mutate({ sessionId, messageID });
 */
export function useForkSession(options: OpencodeMutationOptions<Session, ForkVariables> = {}): UseMutationResult<Session, Error, ForkVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, ForkVariables, unknown>(
      ({ sessionId, messageID }) => client.sessions.fork(sessionId, { messageID }),
      { onSuccess: (session) => writeSession(queryClient, client, session, { seedDetail: true }) },
      options,
    ),
    queryClient,
  );
}

/** Variables of `useShareSession`. @example share.mutate({ sessionId, unshare: true } satisfies ShareVariables) */
export interface ShareVariables {
  sessionId: string;
  /** Stop sharing instead (`DELETE /session/:id/share`). */
  unshare?: boolean;
}

/**
 * Shares a session (its public URL lands in `session.share.url`) or stops sharing it. Sharing
 * disabled or offline fails with a ServerError.
 * @example const share = useShareSession(); share.mutate({ sessionId }); share.data?.share?.url
 */
export function useShareSession(options: OpencodeMutationOptions<Session, ShareVariables> = {}): UseMutationResult<Session, Error, ShareVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, ShareVariables, unknown>(
      ({ sessionId, unshare }) => (unshare ? client.sessions.unshare(sessionId) : client.sessions.share(sessionId)),
      { onSuccess: (session) => writeSession(queryClient, client, session) },
      options,
    ),
    queryClient,
  );
}

/** Variables of `useRevertMessage`. @example revert.mutate({ sessionId, messageID } satisfies RevertVariables) */
export interface RevertVariables {
  sessionId: string;
  /** The first message undone (it and everything after). */
  messageID: string;
  partID?: string;
}

/**
 * Reverts a session to before a message (`POST /session/:id/revert`): the session's `revert`
 * is written to the caches, so `useMessages` hides the undone messages at once. A busy session
 * fails with ConflictError.
 * @example const revert = useRevertMessage(); revert.mutate({ sessionId, messageID: message.info.id });
 */
export function useRevertMessage(options: OpencodeMutationOptions<Session, RevertVariables> = {}): UseMutationResult<Session, Error, RevertVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, RevertVariables, unknown>(
      ({ sessionId, messageID, partID }) => client.sessions.revert(sessionId, { messageID, partID }),
      { onSuccess: (session) => writeSession(queryClient, client, session, { seedDetail: true }) },
      options,
    ),
    queryClient,
  );
}

/**
 * Brings back what a revert hid (`POST /session/:id/unrevert`). A busy session fails with ConflictError.
 * @example const unrevert = useUnrevertSession(); unrevert.mutate(sessionId);
 */
export function useUnrevertSession(options: OpencodeMutationOptions<Session, string> = {}): UseMutationResult<Session, Error, string> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, string, unknown>(
      (sessionId) => client.sessions.unrevert(sessionId),
      {
        // The server's answer may omit `revert`; write it explicitly cleared.
        onSuccess: (session) => writeSession(queryClient, client, { ...session, revert: session.revert }, { seedDetail: true }),
      },
      options,
    ),
    queryClient,
  );
}

/** Variables of `useSummarizeSession` / `useInitSession`. @example summarize.mutate({ sessionId } satisfies ModelActionVariables) */
export interface ModelActionVariables {
  sessionId: string;
  /** Default: the session's model, else the config's `model`. */
  model?: string | PromptModel;
}

/**
 * Compacts a session (`POST /session/:id/summarize`): resolves when the summary is written; the
 * messages are refetched afterwards.
 * @example const compact = useSummarizeSession(); compact.mutate({ sessionId });
 */
export function useSummarizeSession(options: OpencodeMutationOptions<boolean, ModelActionVariables> = {}): UseMutationResult<boolean, Error, ModelActionVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, ModelActionVariables, unknown>(
      async ({ sessionId, model }) =>
        client.sessions.summarize(sessionId, { model: await actionModel(client, findCachedSession(queryClient, client, sessionId), model) }),
      { onSettled: (_d, _e, { sessionId }) => queryClient.invalidateQueries({ queryKey: opencodeKeys.messages(client, sessionId) }) },
      options,
    ),
    queryClient,
  );
}

/**
 * Runs `/init` on a session (`POST /session/:id/init`: writes AGENTS.md).
 * @example const init = useInitSession(); init.mutate({ sessionId });
 */
export function useInitSession(options: OpencodeMutationOptions<boolean, ModelActionVariables> = {}): UseMutationResult<boolean, Error, ModelActionVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, ModelActionVariables, unknown>(
      async ({ sessionId, model }) => client.sessions.init(sessionId, { model: await actionModel(client, findCachedSession(queryClient, client, sessionId), model) }),
      {},
      options,
    ),
    queryClient,
  );
}

/** Variables of `useRunCommand`. @example run.mutate({ sessionId, command: "review", arguments: "" } satisfies RunCommandVariables) */
export type RunCommandVariables = CommandInput & { sessionId: string };

/**
 * Runs a slash command (`POST /session/:id/command`); resolves with the reply when the turn ended
 * (the conversation streams it meanwhile through the feed).
 * @example const run = useRunCommand(); run.mutate({ sessionId, command: "review", arguments: "src/" });
 */
export function useRunCommand(options: OpencodeMutationOptions<PromptResult, RunCommandVariables> = {}): UseMutationResult<PromptResult, Error, RunCommandVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<PromptResult, RunCommandVariables, unknown>(({ sessionId, ...input }) => client.sessions.command(sessionId, input), {}, options),
    queryClient,
  );
}

/** Variables of `useRunShell`. @example shell.mutate({ sessionId, command: "ls" } satisfies RunShellVariables) */
export type RunShellVariables = ShellInput & { sessionId: string };

/**
 * Runs a shell command in the project and records it in the session (`POST /session/:id/shell`,
 * the `!cmd` of OpenCode's TUI). A busy session fails with ConflictError.
 * @example const shell = useRunShell(); shell.mutate({ sessionId, command: "git status" });
 */
export function useRunShell(options: OpencodeMutationOptions<MessageWithParts, RunShellVariables> = {}): UseMutationResult<MessageWithParts, Error, RunShellVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<MessageWithParts, RunShellVariables, unknown>(({ sessionId, ...input }) => client.sessions.shell(sessionId, input), {}, options),
    queryClient,
  );
}
