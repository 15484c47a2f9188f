/**
 * opencode-react/testing: a simulated OpenCode server for component tests and stories, no server
 * or network needed. `createFakeOpencode()` gives a `client` to pass to `<OpencodeProvider>`; a
 * prompt sent through the hooks is answered by a scripted turn (streamed text, reasoning, a tool
 * waiting for permission, a question, a todo list, a provider error, a slow or silent model) in
 * the exact event shapes `opencode serve` 1.18 emits. Framework-free: no React, no test runner,
 * no Node-only API, so it runs in Vitest, Jest, Playwright and in the browser (Storybook).
 * @example
 * import { createFakeOpencode } from "opencode-react/testing";
 * const fake = createFakeOpencode({ scenario: "permission", pace: 30 });
 * const session = fake.addSession();
 * // <OpencodeProvider client={fake.client}><Chat sessionId={session.id} /></OpencodeProvider>
 * @packageDocumentation
 */
export { createFakeOpencode } from "./create-fake-opencode";
export type { FakeOpencode, FakeOpencodeOptions, FakeSessionSeed, FakeTurnOptions } from "./create-fake-opencode";
export { createTurnController } from "./turn-controller";
export type { ControlledTool, RetryStep, TurnController } from "./turn-controller";
export { history, seedMessages } from "./seed-history";
export type { SeedFile, SeedMessage, SeedTool } from "./seed-history";
export { scenarios, scenarioForPrompt, resolveScenario } from "./scenarios";
export type { ScenarioName, ToolScenarioOptions } from "./scenarios";
export type { PermissionAnswer, PermissionAsk, Scenario, ScenarioPrompt, ScenarioTurn } from "./scenario-types";
export { modelStep, streamPart, followUpStep, endTurn } from "./scenario-steps";
export type { StepOptions } from "./scenario-steps";
export { turnEvents, tokensOf } from "./turn-events";
export type { AssistantUpdate, FakeTokens, FakeToolState, TurnEvents } from "./turn-events";
export { createFakeServer } from "./fake-server";
export type { FakeServer, FakeServerOptions, Gate, RecordedFakeRequest } from "./fake-server";
export type { FakeRequest } from "./fake-routes";
export { FakeInstance } from "./fake-instance";
export { FakeFeed } from "./fake-feed";
export type { FakeEvent } from "./fake-feed";
export { projectEvent } from "./project-event";
export { fakeAssistantMessage, fakePermission, fakeQuestion, fakeSerial, fakeSession, fakeTodo, fakeUserMessage } from "./fake-entities";
export { fakeId } from "./ids";
