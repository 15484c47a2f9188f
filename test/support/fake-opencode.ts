/**
 * The fake OpenCode server of the hook tests. It now lives in the package as
 * `opencode-react/testing` (src/testing/fake-server.ts); this module keeps the name the tests
 * import, `createFakeOpencode`, for the bare server (no client, no scripted turns: the tests push
 * every event themselves).
 * @example
 * const fake = createFakeOpencode();
 * const client = createOpencodeClient({ baseUrl: fake.baseUrl, fetch: fake.fetch });
 * fake.emit({ type: "session.updated", properties: { sessionID, info } });
 */
export { createFakeServer as createFakeOpencode, FakeInstance, fakeSession } from "../../src/testing";
export type { FakeEvent, FakeServer as FakeOpencode, Gate, RecordedFakeRequest } from "../../src/testing";
