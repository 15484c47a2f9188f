import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { StoreApi } from "zustand/vanilla";
import {
  createReplyStore,
  distill,
  permissionsQueryOptions,
  questionsQueryOptions,
  useLiveCache,
  useOpencodeClient,
  type PendingPermission,
  type PendingQuestion,
  type ReplyStoreState,
  type ReplyToolPart,
} from "../../../src/index";

interface Opts { firstEventTimeoutMs?: number; idleTimeoutMs?: number; turnTimeoutMs?: number }
const noop = () => () => {};

export function useStream(sessionId: string | undefined, options: Opts = {}) {
  const client = useOpencodeClient();
  const [store, setStore] = useState<StoreApi<ReplyStoreState> | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    const s = createReplyStore({ client, sessionId, ...options });
    setStore(s);
    return () => { s.getState().dispose(); setStore(null); };
  }, [client, sessionId]);
  const state = useSyncExternalStore(store ? store.subscribe : noop, () => store?.getState() ?? null);
  return useMemo(() => {
    const d = state ? distill(state.reply) : null;
    const wd = state?.watchdog ?? { lastEventAt: null, deadlineAt: null, deadlineKind: null };
    return {
      send: async (input: string) => { await store?.getState().send(input); },
      abort: async () => { await store?.getState().abort(); },
      status: state?.status ?? ("idle" as const),
      parts: d?.parts ?? [],
      text: d?.text ?? "",
      reasoning: d?.reasoning ?? "",
      toolParts: (d?.parts ?? []).filter((p): p is ReplyToolPart => p.type === "tool"),
      todos: state?.todos ?? [],
      cost: d?.cost ?? 0,
      tokens: d?.tokens ?? { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } },
      error: state?.error ?? null,
      questions: Object.values(state?.questions ?? {}),
      permissions: Object.values(state?.permissions ?? {}),
      watchdog: { ...wd, remainingMs: wd.deadlineAt === null ? null : wd.deadlineAt - Date.now() },
      result: state?.result ?? null,
    };
  }, [state, store]);
}

export function useQuestions(sessionId?: string) {
  const client = useOpencodeClient();
  const qc = useQueryClient();
  useLiveCache();
  const { data = [] } = useQuery({ ...questionsQueryOptions(client), refetchInterval: 1000 });
  const questions = data.filter((q) => !sessionId || q.sessionID === sessionId) as unknown as PendingQuestion[];
  return {
    questions,
    reply: async (id: string, answers: string[][]) => { await client.questions.reply(id, answers); await qc.invalidateQueries({ queryKey: questionsQueryOptions(client).queryKey }); },
    reject: async (id: string) => { await client.questions.reject(id); await qc.invalidateQueries({ queryKey: questionsQueryOptions(client).queryKey }); },
  };
}

export function usePermissions(sessionId?: string) {
  const client = useOpencodeClient();
  const qc = useQueryClient();
  useLiveCache();
  const { data = [] } = useQuery({ ...permissionsQueryOptions(client), refetchInterval: 1000 });
  const permissions = data.filter((p) => !sessionId || p.sessionID === sessionId) as unknown as PendingPermission[];
  return {
    permissions,
    reply: async (id: string, reply: "once" | "always" | "reject", message?: string) => { await client.permissions.reply(id, reply, message); await qc.invalidateQueries({ queryKey: permissionsQueryOptions(client).queryKey }); },
  };
}
