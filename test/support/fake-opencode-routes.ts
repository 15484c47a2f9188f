/** The routes of the fake server; they live in src/testing/fake-routes.ts. */
export { instanceRoute, json } from "../../src/testing/fake-routes";
export type { FakeRequest } from "../../src/testing/fake-routes";
