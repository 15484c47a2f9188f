/**
 * Server rendering: `renderToString` of a component using any hook makes no request and opens no
 * event feed (effects never run on the server; nothing may start during render).
 */
import { QueryClient } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  createOpencodeClient,
  OpencodeProvider,
  useAbortSession,
  useCreateSession,
  useDeleteSession,
  useHealth,
  useFeedStatus,
  useLiveCache,
  useMessages,
  useOpencodeClient,
  useOpencodeContext,
  usePermissions,
  useChat,
  useChatMessage,
  useChatMessageIds,
  useProviders,
  useProviderList,
  useAgents,
  useCommands,
  useSkills,
  useConfig,
  useUpdateConfig,
  usePath,
  useProject,
  useVcs,
  useFindFiles,
  useFileContent,
  useFileStatus,
  useSessionDiff,
  useForkSession,
  useShareSession,
  useRevertMessage,
  useUnrevertSession,
  useSummarizeSession,
  useInitSession,
  useRunCommand,
  useRunShell,
  useDeleteMessage,
  useDeletePart,
  useQuestions,
  useReply,
  useSendMessage,
  useSession,
  useSessionChildren,
  useSessions,
  useSessionStatus,
  useSessionStatusOf,
  useStream,
  useTodos,
  useUpdateSession,
} from "../../src";

const HOOKS: Record<string, () => unknown> = {
  useOpencodeClient: () => useOpencodeClient(),
  useOpencodeContext: () => useOpencodeContext(),
  useHealth: () => useHealth(),
  useFeedStatus: () => useFeedStatus(),
  useSessions: () => useSessions(),
  useSession: () => useSession("ses_1"),
  useSessionChildren: () => useSessionChildren("ses_1"),
  useSessionStatus: () => useSessionStatus(),
  useSessionStatusOf: () => useSessionStatusOf("ses_1"),
  useMessages: () => useMessages("ses_1"),
  useTodos: () => useTodos("ses_1"),
  useCreateSession: () => useCreateSession(),
  useUpdateSession: () => useUpdateSession(),
  useDeleteSession: () => useDeleteSession(),
  useAbortSession: () => useAbortSession(),
  useSendMessage: () => useSendMessage(),
  useLiveCache: () => useLiveCache(),
  useStream: () => useStream("ses_1"),
  useReply: () => useReply("ses_1", (state) => state.status),
  useQuestions: () => useQuestions("ses_1"),
  usePermissions: () => usePermissions("ses_1"),
  useChat: () => useChat("ses_1"),
  useChatMessage: () => useChatMessage("ses_1", "msg_1"),
  useChatMessageIds: () => useChatMessageIds("ses_1"),
  useProviders: () => useProviders(),
  useProviderList: () => useProviderList(),
  useAgents: () => useAgents(),
  useCommands: () => useCommands(),
  useSkills: () => useSkills(),
  useConfig: () => useConfig(),
  useUpdateConfig: () => useUpdateConfig(),
  usePath: () => usePath(),
  useProject: () => useProject(),
  useVcs: () => useVcs(),
  useFindFiles: () => useFindFiles("src"),
  useFileContent: () => useFileContent("README.md"),
  useFileStatus: () => useFileStatus(),
  useSessionDiff: () => useSessionDiff("ses_1"),
  useForkSession: () => useForkSession(),
  useShareSession: () => useShareSession(),
  useRevertMessage: () => useRevertMessage(),
  useUnrevertSession: () => useUnrevertSession(),
  useSummarizeSession: () => useSummarizeSession(),
  useInitSession: () => useInitSession(),
  useRunCommand: () => useRunCommand(),
  useRunShell: () => useRunShell(),
  useDeleteMessage: () => useDeleteMessage(),
  useDeletePart: () => useDeletePart(),
};

describe("renderToString", () => {
  it("covers every hook the root exports", async () => {
    const root = Object.keys(await import("../../src")).filter((name) => /^use[A-Z]/.test(name));
    expect(Object.keys(HOOKS).sort()).toEqual(root.sort());
  });

  it.each(Object.keys(HOOKS))("%s makes no request and opens no feed", (name) => {
    const requests: string[] = [];
    const client = createOpencodeClient({
      baseUrl: "http://ssr.test:4096",
      fetch: (input) => {
        requests.push(String(input));
        return Promise.reject(new Error("no request during server rendering"));
      },
    });
    function Probe() {
      HOOKS[name]!();
      return <p>rendered</p>;
    }
    const html = renderToString(
      <OpencodeProvider client={client} queryClient={new QueryClient()}>
        <Probe />
      </OpencodeProvider>,
    );
    expect(html).toContain("rendered");
    expect(requests).toEqual([]);
    expect(client.events.subscriberCount).toBe(0);
  });
});
