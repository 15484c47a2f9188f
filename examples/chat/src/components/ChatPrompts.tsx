import type { UseChatResult } from "opencode-react";
import { PermissionPrompt } from "./PermissionPrompt";
import { QuestionPrompt } from "./QuestionPrompt";

/** What the agent waits on; answers leave at once (optimistic) and come back if refused. */
export function ChatPrompts({ chat }: { chat: UseChatResult }) {
  if (chat.permissions.length === 0 && chat.questions.length === 0) return null;
  return (
    <div className="prompts">
      {chat.permissions.map((request) => (
        <PermissionPrompt key={request.id} request={request} onReply={(reply, message) => chat.replyPermission(request.id, reply, message)} />
      ))}
      {chat.questions.map((request) => (
        <QuestionPrompt key={request.id} request={request} onAnswer={(answers) => chat.replyQuestion(request.id, answers)} onReject={() => chat.rejectQuestion(request.id)} />
      ))}
    </div>
  );
}
