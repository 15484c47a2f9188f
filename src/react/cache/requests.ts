/**
 * Pure updates of the pending question and permission lists (`GET /question`, `GET /permission`).
 * Both are lists of requests keyed by `id`; an `*.asked` event adds or replaces one, a reply or a
 * rejection removes it.
 */

/**
 * Adds a request, or replaces the one with the same id in place.
 * @example upsertPendingRequest(questions, asked)
 */
export function upsertPendingRequest<T extends { id: string }>(list: T[], request: T): T[] {
  const index = list.findIndex((item) => item.id === request.id);
  if (index === -1) return [...list, request];
  if (list[index] === request) return list;
  const next = list.slice();
  next[index] = request;
  return next;
}

/**
 * Removes the request with this id; the same list when it is not there.
 * @example removePendingRequest(questions, "que_1")
 */
export function removePendingRequest<T extends { id: string }>(list: T[], requestId: string): T[] {
  const index = list.findIndex((item) => item.id === requestId);
  return index === -1 ? list : list.filter((_, i) => i !== index);
}
