/** The `/event` streams of the fake server; they live in src/testing/fake-feed.ts. */
export { FakeFeed } from "../../src/testing/fake-feed";
export type { FakeEvent } from "../../src/testing/fake-feed";
