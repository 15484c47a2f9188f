import { flattenMessagePages, useForkSession, useMessages, useRevertMessage, useSession, useShareSession, useSummarizeSession, useUnrevertSession } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";

/** Fork / revert the last prompt / unrevert / share / compact, with the error of the last action. */
export function SessionActions({ sessionId, onOpen }: { sessionId: string; onOpen: (id: string) => void }) {
  const { data: session } = useSession(sessionId);
  const { data: messages = [] } = useMessages(sessionId, { select: flattenMessagePages });
  const fork = useForkSession({ onSuccess: (copy) => onOpen(copy.id) });
  const revert = useRevertMessage();
  const unrevert = useUnrevertSession();
  const share = useShareSession();
  const compact = useSummarizeSession();
  const lastUser = [...messages].reverse().find((message) => message.info.role === "user");
  const error = fork.error ?? revert.error ?? unrevert.error ?? share.error ?? compact.error;
  return (
    <div className="session-actions" data-testid="session-actions">
      <button type="button" className="btn btn-ghost" onClick={() => fork.mutate({ sessionId })}>Fork</button>
      {session?.revert ? (
        <button type="button" className="btn btn-ghost" onClick={() => unrevert.mutate(sessionId)}>Unrevert</button>
      ) : (
        <button type="button" className="btn btn-ghost" disabled={!lastUser} onClick={() => lastUser && revert.mutate({ sessionId, messageID: lastUser.info.id })}>
          Revert last
        </button>
      )}
      <button type="button" className="btn btn-ghost" onClick={() => share.mutate({ sessionId, unshare: Boolean(session?.share) })}>
        {session?.share ? "Unshare" : "Share"}
      </button>
      <button type="button" className="btn btn-ghost" disabled={compact.isPending} onClick={() => compact.mutate({ sessionId })}>Compact</button>
      {session?.share?.url && <a href={session.share.url}>shared link</a>}
      {error && <ErrorNotice error={error} compact />}
    </div>
  );
}
