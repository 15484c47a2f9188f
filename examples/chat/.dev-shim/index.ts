// TEMPORARY (delete when src/react/stream lands): the streaming hooks' contract, built on the
// core reply store, so the demo can be exercised before the real hooks exist.
export * from "../../../src/index";
export { useStream, useQuestions, usePermissions } from "./hooks";
