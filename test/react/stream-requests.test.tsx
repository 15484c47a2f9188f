// @vitest-environment jsdom
/**
 * useQuestions / usePermissions on the fake server: the server's list plus live events, filtered
 * by session; optimistic reply/reject; a refusal restores the request with the typed error; a 404
 * (answered already) removes it without an error; the reply store's requests show at once.
 */
import { act, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ServerError } from "../../src/core/errors";
import { opencodeKeys } from "../../src/query/keys";
import { usePermissions, useQuestions, useStream } from "../../src/react/stream";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakePermission, fakeQuestion } from "../support/fake-opencode-data";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";
import { sessionEvents } from "../support/stream-events";

const unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

function seeded() {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession();
  const other = fake.instance().addSession();
  const q1 = fakeQuestion(session.id);
  const qOther = fakeQuestion(other.id);
  const p1 = fakePermission(session.id);
  const pOther = fakePermission(other.id);
  fake.instance().questions = [q1, qOther];
  fake.instance().permissions = [p1, pOther];
  const client = fakeClient(fake);
  return { fake, session, other, q1, qOther, p1, pOther, client, queryClient: testQueryClient() };
}

function renderRequests(setup: ReturnType<typeof seeded>, sessionId?: string) {
  const hook = renderOpencodeHook(() => ({ questions: useQuestions(sessionId), permissions: usePermissions(sessionId) }), setup);
  unmounts.push(hook.unmount);
  return hook;
}

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

/**
 * The positive sign that whatever a step set off has played out: no request query is fetching,
 * and a marker question (of the other session) pushed through the feed now is in the cache, so
 * every event before it was applied too.
 */
async function settled(setup: ReturnType<typeof seeded>): Promise<void> {
  const marker = fakeQuestion(setup.other.id);
  await feedOpen(setup.client);
  act(() => setup.fake.emit({ type: "question.asked", properties: { ...marker } }));
  await waitFor(() => expect(ids(setup.queryClient.getQueryData<{ id: string }[]>(opencodeKeys.questions(setup.client)) ?? [])).toContain(marker.id));
  await waitFor(() => expect(setup.queryClient.isFetching()).toBe(0));
}

describe("useQuestions / usePermissions: lists", () => {
  it("lists the server's pending requests in the store's shapes, filtered by session", async () => {
    const setup = seeded();
    const mine = renderRequests(setup, setup.session.id);
    const all = renderRequests(setup);
    await waitFor(() => expect(ids(mine.result.current.questions.questions)).toEqual([setup.q1.id]));
    expect(mine.result.current.questions.questions[0]).toMatchObject({ kind: "question", questions: setup.q1.questions, raw: setup.q1 });
    await waitFor(() => expect(ids(mine.result.current.permissions.permissions)).toEqual([setup.p1.id]));
    expect(mine.result.current.permissions.permissions[0]).toMatchObject({ kind: "permission", permission: "bash", patterns: ["ls"], always: ["ls *"] });
    await waitFor(() => expect(ids(all.result.current.questions.questions)).toEqual([setup.q1.id, setup.qOther.id]));
    expect(ids(all.result.current.permissions.permissions)).toEqual([setup.p1.id, setup.pOther.id]);
    expect(mine.result.current.questions.error).toBeNull();
  });

  it("adds and removes requests from live events", async () => {
    const setup = seeded();
    const hook = renderRequests(setup, setup.session.id);
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id]));
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id]));
    await feedOpen(setup.client);
    const q2 = fakeQuestion(setup.session.id);
    const p2 = fakePermission(setup.session.id);
    act(() => {
      setup.fake.emit({ type: "question.asked", properties: { ...q2 } });
      setup.fake.emit({ type: "permission.asked", properties: { ...p2 } });
      setup.fake.emit({ type: "question.asked", properties: { ...fakeQuestion(setup.other.id) } });
    });
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id, q2.id]));
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id, p2.id]));
    act(() => {
      setup.fake.emit({ type: "question.rejected", properties: { sessionID: setup.session.id, requestID: setup.q1.id } });
      setup.fake.emit({ type: "permission.replied", properties: { sessionID: setup.session.id, requestID: p2.id, reply: "once" } });
    });
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([q2.id]));
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id]));
  });

  it("a session's useStream makes its requests show at once, before the list loaded", async () => {
    const setup = seeded();
    setup.fake.instance().questions = [];
    const gate = setup.fake.hold("GET", "/question");
    const hook = renderOpencodeHook(
      () => ({ stream: useStream(setup.session.id, { throttleMs: 0 }), questions: useQuestions(setup.session.id) }),
      setup,
    );
    unmounts.push(hook.unmount);
    await feedOpen(setup.client);
    await act(() => hook.result.current.stream.send("hi"));
    const e = sessionEvents(setup.session.id);
    act(() => {
      for (const event of [e.busy(), e.question("que_live")]) setup.fake.emit(event);
    });
    await waitFor(() => expect(hook.result.current.stream.status).toBe("awaiting-input"));
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual(["que_live"]));
    // The same object as the stream's: one request, one identity.
    expect(hook.result.current.questions.questions[0]).toBe(hook.result.current.stream.questions[0]);
    gate.release();
    await settled(setup); // the held list was answered (without que_live) and applied
    expect(setup.fake.count("GET", "/question")).toBe(1);
    expect(ids(hook.result.current.questions.questions)).toEqual(["que_live"]);
  });
});

describe("useQuestions: answers", () => {
  it("reply removes the question at once and keeps it removed once the server agreed", async () => {
    const setup = seeded();
    const hook = renderRequests(setup, setup.session.id);
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id]));
    await feedOpen(setup.client);
    const gate = setup.fake.hold("POST", `/question/${setup.q1.id}/reply`);
    let replied: Promise<void> | undefined;
    act(() => {
      replied = hook.result.current.questions.reply(setup.q1.id, [["Red"]]);
    });
    await waitFor(() => expect(hook.result.current.questions.questions).toEqual([]));
    expect(setup.fake.requests.at(-1)).toMatchObject({ method: "POST", body: { answers: [["Red"]] } });
    gate.release();
    await act(() => replied!);
    await settled(setup);
    expect(hook.result.current.questions).toMatchObject({ questions: [], error: null });
  });

  it("a refusal (500) puts the question back where it was and exposes the typed error", async () => {
    const setup = seeded();
    const hook = renderRequests(setup);
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id, setup.qOther.id]));
    setup.fake.failNext("POST", `/question/${setup.q1.id}/reject`, 500, { name: "UnknownError", data: { message: "boom" } });
    let failure: unknown;
    await act(async () => {
      await hook.result.current.questions.reject(setup.q1.id).catch((error: unknown) => (failure = error));
    });
    expect(failure).toBeInstanceOf(ServerError);
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id, setup.qOther.id]));
    expect(hook.result.current.questions.error).toBe(failure);
  });

  it("a 404 (answered already) removes it without an error", async () => {
    const setup = seeded();
    const hook = renderRequests(setup, setup.session.id);
    await waitFor(() => expect(ids(hook.result.current.questions.questions)).toEqual([setup.q1.id]));
    setup.fake.instance().questions = []; // answered elsewhere; no event reached us
    await act(() => hook.result.current.questions.reply(setup.q1.id, [["Blue"]]));
    await settled(setup);
    expect(hook.result.current.questions).toMatchObject({ questions: [], error: null });
    expect(setup.fake.count("POST", `/question/${setup.q1.id}/reply`)).toBe(1);
  });
});

describe("usePermissions: answers", () => {
  it("reply removes the request at once and sends the message", async () => {
    const setup = seeded();
    const hook = renderRequests(setup, setup.session.id);
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id]));
    const gate = setup.fake.hold("POST", `/permission/${setup.p1.id}/reply`);
    let replied: Promise<void> | undefined;
    act(() => {
      replied = hook.result.current.permissions.reply(setup.p1.id, "reject", "not this one");
    });
    await waitFor(() => expect(hook.result.current.permissions.permissions).toEqual([]));
    expect(setup.fake.requests.at(-1)).toMatchObject({ body: { reply: "reject", message: "not this one" } });
    gate.release();
    await act(() => replied!);
    expect(hook.result.current.permissions.error).toBeNull();
  });

  it("a refusal (500) restores the request and exposes the typed error; a 404 removes it silently", async () => {
    const setup = seeded();
    const hook = renderRequests(setup);
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id, setup.pOther.id]));
    setup.fake.failNext("POST", `/permission/${setup.p1.id}/reply`, 500);
    await act(async () => {
      await expect(hook.result.current.permissions.reply(setup.p1.id, "always")).rejects.toBeInstanceOf(ServerError);
    });
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.p1.id, setup.pOther.id]));
    expect(hook.result.current.permissions.error).toBeInstanceOf(ServerError);

    setup.fake.instance().permissions = [setup.pOther];
    await act(() => hook.result.current.permissions.reply(setup.p1.id, "once"));
    await waitFor(() => expect(ids(hook.result.current.permissions.permissions)).toEqual([setup.pOther.id]));
    expect(hook.result.current.permissions.error).toBeNull();
  });
});
