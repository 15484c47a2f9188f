import { usePermissions, useQuestions } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";
import { PermissionPrompt } from "./PermissionPrompt";
import { QuestionPrompt } from "./QuestionPrompt";

/**
 * What the agent is waiting on. From the hooks rather than the stream, so prompts left pending
 * before a reload still show; replies remove them optimistically.
 */
export function PendingPrompts({ sessionId }: { sessionId: string }) {
  const { permissions, reply: replyPermission, error: permissionError } = usePermissions(sessionId);
  const { questions, reply: answer, reject, error: questionError } = useQuestions(sessionId);
  // A refused reply puts the prompt back (a new component) and lands here, so it is shown here.
  const error = permissionError ?? questionError;
  if (permissions.length === 0 && questions.length === 0 && error === null) return null;
  return (
    <div className="prompts">
      {error && <ErrorNotice error={error} compact />}
      {permissions.map((request) => (
        <PermissionPrompt key={request.id} request={request} onReply={(reply, message) => replyPermission(request.id, reply, message)} />
      ))}
      {questions.map((request) => (
        <QuestionPrompt key={request.id} request={request} onAnswer={(answers) => answer(request.id, answers)} onReject={() => reject(request.id)} />
      ))}
    </div>
  );
}
