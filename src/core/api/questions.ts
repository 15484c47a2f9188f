import type { QuestionAnswer, QuestionRequest } from "@opencode-ai/sdk/v2";
import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import type { CallOptions } from "./types";

/** The question endpoints (the agent's `question` tool waiting on the user). */
export interface QuestionsApi {
  /** `GET /question`: pending questions of this directory; `[]` for any non-array 2xx (LQ-02). @example await client.questions.list() */
  list(options?: CallOptions): Promise<QuestionRequest[]>;
  /**
   * `POST /question/:id/reply` with `{ answers }`: one array per question, in order, holding the
   * selected option labels or free text. NotFoundError when already answered.
   * @example await client.questions.reply("que_1", [["Red"]])
   */
  reply(requestId: string, answers: QuestionAnswer[], options?: CallOptions): Promise<boolean>;
  /** `POST /question/:id/reject`: dismisses the question. @example await client.questions.reject("que_1") */
  reject(requestId: string, options?: CallOptions): Promise<boolean>;
}

/**
 * Creates the question endpoints on top of a requester.
 * @example const questions = createQuestionsApi(requester); await questions.list()
 */
export function createQuestionsApi(requester: Requester): QuestionsApi {
  const one = (requestId: string): string => `/question/${pathSegment(requestId)}`;
  return {
    async list(options = {}) {
      const body = await requester.request<unknown>("GET", "/question", { ...options, expect: "optional" });
      return Array.isArray(body) ? (body as QuestionRequest[]) : [];
    },
    async reply(requestId, answers, options = {}) {
      const body = await requester.request<unknown>("POST", `${one(requestId)}/reply`, { ...options, body: { answers }, expect: "optional" });
      return body !== false;
    },
    async reject(requestId, options = {}) {
      const body = await requester.request<unknown>("POST", `${one(requestId)}/reject`, { ...options, body: {}, expect: "optional" });
      return body !== false;
    },
  };
}
