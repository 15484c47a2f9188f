/** The per-directory state of the fake server; it lives in src/testing/fake-instance.ts. */
export { FakeInstance } from "../../src/testing/fake-instance";
