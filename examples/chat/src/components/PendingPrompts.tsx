import { usePermissions, useQuestions } from "opencode-react";
import { PermissionPrompt } from "./PermissionPrompt";
import { QuestionPrompt } from "./QuestionPrompt";

/**
 * What the agent is waiting on. From the hooks rather than the stream, so prompts left pending
 * before a reload still show; replies remove them optimistically.
 */
export function PendingPrompts({ sessionId }: { sessionId: string }) {
  const { permissions, reply: replyPermission } = usePermissions(sessionId);
  const { questions, reply: answer, reject } = useQuestions(sessionId);
  if (permissions.length === 0 && questions.length === 0) return null;
  return (
    <div className="prompts">
      {permissions.map((request) => (
        <PermissionPrompt key={request.id} request={request} onReply={(reply, message) => replyPermission(request.id, reply, message)} />
      ))}
      {questions.map((request) => (
        <QuestionPrompt key={request.id} request={request} onAnswer={(answers) => answer(request.id, answers)} onReject={() => reject(request.id)} />
      ))}
    </div>
  );
}
