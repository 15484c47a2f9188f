import type { FilePartInput, Session, SnapshotFileDiff } from "@opencode-ai/sdk/v2";
import { compact } from "../http/compact";
import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import { newMessageId } from "./message-id";
import { toPromptModel, type PromptModel } from "./model";
import type { CallOptions, MessageWithParts, PromptResult } from "./types";

/**
 * What `sessions.command` runs: a slash command by name (without "/") and its arguments.
 * @example
 * const input: CommandInput = { command: "review", arguments: "src/app.ts", agent: "plan" };
 * await client.sessions.command("ses_1", input);
 */
export interface CommandInput {
  /** Command name; a leading "/" is dropped. */
  command: string;
  /** Everything the user typed after the name ($ARGUMENTS); default "". */
  arguments?: string;
  agent?: string;
  /** "provider/model" or `{ providerID, modelID }` (sent as the string this route wants). */
  model?: string | PromptModel;
  variant?: string;
  /** Client-chosen id of the user message. */
  messageID?: string;
  /** Files attached to the command (e.g. @-mentions in its arguments). */
  parts?: FilePartInput[];
}

/**
 * What `sessions.shell` runs: a shell command in the project, recorded in the session (`!cmd`).
 * @example await client.sessions.shell("ses_1", { command: "git status" } satisfies ShellInput);
 */
export interface ShellInput {
  command: string;
  /** Agent the output is attributed to (default "build"). */
  agent?: string;
  model?: string | PromptModel;
  messageID?: string;
}

/** The session actions a chat UI offers besides prompting. A busy session answers 409: ConflictError. */
export interface SessionActionsApi {
  /**
   * `POST /session/:id/fork`: a new session with a copy of the messages BEFORE `messageID` (all of
   * them without it). @example const copy = await client.sessions.fork("ses_1", { messageID: "msg_3" })
   */
  fork(id: string, input?: { messageID?: string }, options?: CallOptions): Promise<Session>;
  /** `POST /session/:id/share`: `share.url` on the result; a ServerError when sharing is off or offline. @example (await client.sessions.share("ses_1")).share?.url */
  share(id: string, options?: CallOptions): Promise<Session>;
  /** `DELETE /session/:id/share`. @example await client.sessions.unshare("ses_1") */
  unshare(id: string, options?: CallOptions): Promise<Session>;
  /**
   * `POST /session/:id/revert`: undoes the message (and what follows) with its file changes; the
   * session's `revert` marks what a UI hides until `unrevert` or the next prompt purges it.
   * @example await client.sessions.revert("ses_1", { messageID: "msg_3" })
   */
  revert(id: string, input: { messageID: string; partID?: string }, options?: CallOptions): Promise<Session>;
  /** `POST /session/:id/unrevert`: restores what `revert` hid. @example await client.sessions.unrevert("ses_1") */
  unrevert(id: string, options?: CallOptions): Promise<Session>;
  /**
   * `POST /session/:id/summarize` (compact): resolves once the summary is written; no timeout by default.
   * @example await client.sessions.summarize("ses_1", { model: "anthropic/claude-sonnet-4" })
   */
  summarize(id: string, input: { model: string | PromptModel; auto?: boolean }, options?: CallOptions): Promise<boolean>;
  /**
   * `POST /session/:id/init`: runs the `/init` command (writes AGENTS.md); a messageID is made when omitted.
   * @example await client.sessions.init("ses_1", { model: "anthropic/claude-sonnet-4" })
   */
  init(id: string, input: { model: string | PromptModel; messageID?: string }, options?: CallOptions): Promise<boolean>;
  /**
   * `POST /session/:id/command`: runs a slash command; resolves with the reply once the turn ended.
   * @example await client.sessions.command("ses_1", { command: "/review", arguments: "last commit" })
   */
  command(id: string, input: CommandInput, options?: CallOptions): Promise<PromptResult>;
  /** `POST /session/:id/shell`: runs a shell command; the result holds the bash tool part. @example await client.sessions.shell("ses_1", { command: "ls" }) */
  shell(id: string, input: ShellInput, options?: CallOptions): Promise<MessageWithParts>;
  /**
   * `GET /session/:id/diff`: files changed by the session (or by one user message's turn).
   * @example const files = await client.sessions.diff("ses_1"); files.map((f) => f.file)
   */
  diff(id: string, input?: { messageID?: string }, options?: CallOptions): Promise<SnapshotFileDiff[]>;
}

/**
 * "provider/model" for the command route (the only route that wants a string).
 * @example modelString({ providerID: "a", modelID: "b" }) // "a/b"
 */
export function modelString(model: string | PromptModel | undefined): string | undefined {
  const parsed = toPromptModel(model);
  return parsed && `${parsed.providerID}/${parsed.modelID}`;
}

function requiredModel(model: string | PromptModel): PromptModel {
  const parsed = toPromptModel(model);
  if (parsed === undefined) throw new TypeError("opencode-react: this action needs a model (\"provider/model\")");
  return parsed;
}

/**
 * Creates the session actions on top of a requester.
 * @example const actions = createSessionActionsApi(requester); await actions.fork("ses_1")
 */
export function createSessionActionsApi(requester: Requester): SessionActionsApi {
  const one = (id: string): string => `/session/${pathSegment(id)}`;
  // Routes that answer only when a model turn ended: no default timeout, like messages.send.
  const long = (options: CallOptions): CallOptions => ({ ...options, timeoutMs: options.timeoutMs ?? 0 });
  return {
    fork: async (id, input = {}, options = {}) =>
      requester.request<Session>("POST", `${one(id)}/fork`, { ...options, body: compact({ messageID: input.messageID }) }),
    share: async (id, options = {}) => requester.request<Session>("POST", `${one(id)}/share`, options),
    unshare: async (id, options = {}) => requester.request<Session>("DELETE", `${one(id)}/share`, options),
    revert: async (id, input, options = {}) =>
      requester.request<Session>("POST", `${one(id)}/revert`, { ...options, body: compact({ messageID: input.messageID, partID: input.partID }) }),
    unrevert: async (id, options = {}) => requester.request<Session>("POST", `${one(id)}/unrevert`, options),
    async summarize(id, input, options = {}) {
      const { providerID, modelID } = requiredModel(input.model);
      const body = compact({ providerID, modelID, auto: input.auto });
      return (await requester.request<unknown>("POST", `${one(id)}/summarize`, { ...long(options), body, expect: "optional" })) !== false;
    },
    async init(id, input, options = {}) {
      const { providerID, modelID } = requiredModel(input.model);
      const body = { modelID, providerID, messageID: input.messageID ?? newMessageId() };
      return (await requester.request<unknown>("POST", `${one(id)}/init`, { ...long(options), body, expect: "optional" })) !== false;
    },
    async command(id, input, options = {}) {
      const body = compact({
        messageID: input.messageID,
        agent: input.agent,
        model: modelString(input.model),
        arguments: input.arguments ?? "",
        command: input.command.replace(/^\//, ""),
        variant: input.variant,
        parts: input.parts,
      });
      if (body.command === "") throw new TypeError("opencode-react: a command needs a name");
      return requester.request<PromptResult>("POST", `${one(id)}/command`, { ...long(options), body });
    },
    async shell(id, input, options = {}) {
      const body = compact({ messageID: input.messageID, agent: input.agent ?? "build", model: toPromptModel(input.model), command: input.command });
      return requester.request<MessageWithParts>("POST", `${one(id)}/shell`, { ...long(options), body });
    },
    diff: async (id, input = {}, options = {}) =>
      requester.request<SnapshotFileDiff[]>("GET", `${one(id)}/diff`, { ...options, query: { messageID: input.messageID } }),
  };
}
